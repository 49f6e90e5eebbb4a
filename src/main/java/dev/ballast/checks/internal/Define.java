package dev.ballast.checks.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Category;
import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;
import dev.ballast.checks.Target;
import dev.ballast.checks.internal.WorkloadView.ContainerView;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.Namespace;

/**
 * The small language checks are written in: a definition plus one predicate, by target. Each
 * builder walks its subjects, asks the predicate, and reports failures with full field paths.
 */
public final class Define {

	private Define() {
	}

	/**
	 * A check's definition.
	 * @param id kebab-case id
	 * @param category category
	 * @param severity default severity
	 * @param target target
	 * @param docs Kubernetes docs link
	 * @param requires kinds the check cannot judge without
	 * @return the definition
	 */
	public static CheckDefinition def(String id, Category category, Severity severity, Target target, String docs,
			String... requires) {
		return new CheckDefinition(id, category, severity, target, docs, Set.of(requires), null);
	}

	/**
	 * A check of each container of each workload of some kinds.
	 * @param definition the definition
	 * @param kinds workload kinds it applies to
	 * @param init whether init containers are checked too
	 * @param rule the predicate; its path is relative to the container
	 * @return the check
	 */
	public static Check container(CheckDefinition definition, Set<String> kinds, boolean init, ContainerRule rule) {
		return new Check(definition, (index, sink) -> {
			for (WorkloadView workload : index.views()) {
				if (!kinds.contains(workload.kind()) || !sink.enabled(workload.namespace())) {
					continue;
				}
				sink.checked();
				for (ContainerView container : workload.containers()) {
					if (container.init() && !init) {
						continue;
					}
					Hit hit = rule.test(workload, container);
					if (hit != null) {
						sink.fail(workload.subject(), container.name(),
								hit.path().isEmpty() ? container.path() : container.path() + "." + hit.path(), hit.actual());
					}
				}
			}
		});
	}

	/**
	 * A check of each workload of some kinds (its pod template or the controller).
	 * @param definition the definition
	 * @param kinds workload kinds it applies to
	 * @param rule the predicate; its path is absolute ({@link WorkloadView#spec(String)} helps)
	 * @return the check
	 */
	public static Check workload(CheckDefinition definition, Set<String> kinds, WorkloadRule rule) {
		return new Check(definition, (index, sink) -> {
			for (WorkloadView workload : index.views()) {
				if (!kinds.contains(workload.kind()) || !sink.enabled(workload.namespace())) {
					continue;
				}
				sink.checked();
				Hit hit = rule.test(workload);
				if (hit != null) {
					sink.fail(workload.subject(), null, hit.path(), hit.actual());
				}
			}
		});
	}

	/**
	 * A check of each namespace the snapshot holds that runs workloads.
	 * @param definition the definition
	 * @param rule the predicate
	 * @return the check
	 */
	public static Check namespace(CheckDefinition definition, NamespaceRule rule) {
		return new Check(definition, (index, sink) -> {
			for (Namespace namespace : index.snapshot().namespaces()) {
				if (index.workloads(namespace.name()).isEmpty() || !sink.enabled(namespace.name())) {
					continue;
				}
				sink.checked();
				Hit hit = rule.test(namespace, index);
				if (hit != null) {
					sink.fail(new Subject("Namespace", "", namespace.name()), null, hit.path(), hit.actual());
				}
			}
		});
	}

	/**
	 * A check of each object of a kind, e.g. each Service.
	 * @param <T> the object type
	 * @param definition the definition
	 * @param source the objects
	 * @param subject what an object is called in findings
	 * @param rule the predicate
	 * @return the check
	 */
	public static <T> Check objects(CheckDefinition definition, Function<Index, List<T>> source,
			Function<T, Subject> subject, ObjectRule<T> rule) {
		return new Check(definition, (index, sink) -> {
			for (T object : source.apply(index)) {
				Subject about = subject.apply(object);
				if (!sink.enabled(about.namespace())) {
					continue;
				}
				sink.checked();
				Hit hit = rule.test(object, index);
				if (hit != null) {
					sink.fail(about, null, hit.path(), hit.actual());
				}
			}
		});
	}

	/**
	 * A check of each node.
	 * @param definition the definition
	 * @param rule the predicate
	 * @return the check
	 */
	public static Check node(CheckDefinition definition, ObjectRule<ClusterNode> rule) {
		return objects(definition, (index) -> index.snapshot().nodes(), (node) -> new Subject("Node", "", node.name()),
				rule);
	}

	/**
	 * A check of the cluster as a whole; it runs only on a snapshot of a whole cluster (with
	 * nodes), never on a few manifest files.
	 * @param definition the definition
	 * @param rule the predicate
	 * @return the check
	 */
	public static Check cluster(CheckDefinition definition, Function<Index, @Nullable Hit> rule) {
		return new Check(definition, (index, sink) -> {
			if (!index.wholeCluster() || !sink.enabled("")) {
				return;
			}
			sink.checked();
			Hit hit = rule.apply(index);
			if (hit != null) {
				sink.fail(new Subject(Subject.CLUSTER, "", index.snapshot().source().clusterName()), null, hit.path(),
						hit.actual());
			}
		});
	}

	/** A predicate over one container. */
	@FunctionalInterface
	public interface ContainerRule {

		@Nullable Hit test(WorkloadView workload, ContainerView container);

	}

	/** A predicate over one workload. */
	@FunctionalInterface
	public interface WorkloadRule {

		@Nullable Hit test(WorkloadView workload);

	}

	/** A predicate over one namespace. */
	@FunctionalInterface
	public interface NamespaceRule {

		@Nullable Hit test(Namespace namespace, Index index);

	}

	/** A predicate over one object. */
	@FunctionalInterface
	public interface ObjectRule<T> {

		@Nullable Hit test(T object, Index index);

	}

}
