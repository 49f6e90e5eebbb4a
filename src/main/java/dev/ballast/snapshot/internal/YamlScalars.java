package dev.ballast.snapshot.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Typing of YAML scalars: SnakeYAML's resolver without timestamps (Kubernetes reads them as
 * strings) and its {@link SafeConstructor} for the standard scalar tags; every other tag is
 * refused, so no type is ever instantiated from a manifest.
 */
final class YamlScalars {

	private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.BINARY,
			Tag.TIMESTAMP);

	private static final Resolver RESOLVER = new PlainResolver();

	private static final Scalars SCALARS = new Scalars(new LoaderOptions());

	private YamlScalars() {
	}

	static @Nullable Object value(ScalarEvent event) {
		String tag = event.getTag();
		Tag resolved = (tag == null || tag.equals("!"))
				? RESOLVER.resolve(NodeId.scalar, event.getValue(),
						event.getImplicit().canOmitTagInPlainScalar())
				: new Tag(tag);
		if (!SCALAR_TAGS.contains(resolved)) {
			throw new YamlProblem(event.getStartMark(),
					"the tag " + ((tag != null) ? tag : resolved) + " is not allowed: manifests hold plain data");
		}
		if (resolved.equals(Tag.STR)) {
			return event.getValue();
		}
		try {
			Object value = SCALARS.construct(new ScalarNode(resolved, event.getValue(),
					event.getStartMark(), event.getEndMark(), event.getScalarStyle()));
			if (value instanceof Integer number) {
				return number.longValue();
			}
			if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
				return event.getValue();
			}
			if (value instanceof byte[] bytes) {
				return Base64.getEncoder().encodeToString(bytes);
			}
			if (value instanceof Date date) {
				return Instant.ofEpochMilli(date.getTime()).toString();
			}
			return value;
		}
		catch (RuntimeException ex) {
			throw new YamlProblem(event.getStartMark(), "'" + event.getValue() + "' is not a valid " + resolved);
		}
	}

	static void checkTag(CollectionStartEvent event, Tag expected) {
		String tag = event.getTag();
		if (tag != null && !tag.equals("!") && !new Tag(tag).equals(expected)) {
			throw new YamlProblem(event.getStartMark(), "the tag " + tag + " is not allowed: manifests hold plain data");
		}
	}

	/** SnakeYAML's implicit types without timestamps, which Kubernetes reads as strings. */
	private static final class PlainResolver extends Resolver {

		@Override
		protected void addImplicitResolvers() {
			addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
			addImplicitResolver(Tag.INT, INT, "-+0123456789");
			addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
			addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
			addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
			addImplicitResolver(Tag.NULL, EMPTY, null, 10);
		}

	}

	/** SnakeYAML's safe constructors for standard scalar tags. */
	private static final class Scalars extends SafeConstructor {

		Scalars(LoaderOptions options) {
			super(options);
		}

		Object construct(ScalarNode node) {
			return getConstructor(node).construct(node);
		}

	}

}
