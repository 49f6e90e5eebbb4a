package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import dev.ballast.snapshot.internal.YamlObjects.Position;
import dev.ballast.snapshot.internal.YamlObjects.Sink;

/**
 * One chunk of a YAML stream (normally one document), parsed by its own SnakeYAML parser event by
 * event into plain values, with {@link YamlObjects}' limits enforced as it goes.
 */
final class YamlRun {

	private final DocumentSplitter.Document chunk;

	private final Sink sink;

	private final YamlObjects.Limits limits;

	private final int[] documents;

	private final Map<String, Anchored> anchors = new HashMap<>();

	private final ParserImpl parser;

	private boolean counted;

	private @Nullable Integer item;

	private long unitStart;

	private int aliases;

	private long nodes;

	private int open;

	YamlRun(DocumentSplitter.Document chunk, Sink sink, int[] documents, YamlObjects.Limits limits) {
		this.chunk = chunk;
		this.limits = limits;
		this.sink = sink;
		this.documents = documents;
		this.parser = new ParserImpl(new StreamReader(chunk), limits.options());
	}

	void read() throws IOException {
		try {
			this.parser.getEvent();
			while (!this.parser.checkEvent(Event.ID.StreamEnd)) {
				Event start = this.parser.getEvent();
				this.documents[0]++;
				this.counted = true;
				this.anchors.clear();
				this.aliases = 0;
				this.nodes = 0;
				this.item = null;
				this.unitStart = start.getStartMark().getIndex();
				document();
				this.parser.getEvent();
				this.counted = false;
			}
		}
		catch (YamlProblem problem) {
			this.sink.problem(position(problem.mark()), problem.getMessage());
			this.chunk.skipRest();
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String message = (ex.getContext() != null) ? ex.getContext() + ": " + ex.getProblem() : ex.getProblem();
			this.sink.problem(position(mark), "invalid YAML: " + message);
			this.chunk.skipRest();
		}
		catch (YAMLException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			this.sink.problem(position(null), "invalid YAML: " + ex.getMessage());
			this.chunk.skipRest();
		}
	}

	private void document() {
		if (this.parser.peekEvent() instanceof MappingStartEvent) {
			Event start = this.parser.getEvent();
			Map<String, Object> root = mapping((MappingStartEvent) start, 0, true);
			if (root != null) {
				this.sink.object(root, position(start.getStartMark()));
			}
			return;
		}
		Event first = this.parser.peekEvent();
		Object value = node(0);
		if (value != null) {
			this.sink.problem(position(first.getStartMark()), "the document is not an object");
		}
	}

	private @Nullable Object node(int depth) {
		Event event = this.parser.getEvent();
		if (event.getEndMark().getIndex() - this.unitStart > this.limits.maxDocumentChars()) {
			throw new YamlProblem(event.getStartMark(), ((this.item != null) ? "the item" : "the document")
					+ " exceeds the per-document size limit of " + Sizes.text(this.limits.maxDocumentChars()));
		}
		if (event instanceof AliasEvent alias) {
			Anchored target = this.anchors.get(alias.getAnchor());
			if (target == null) {
				throw new YamlProblem(event.getStartMark(),
						"undefined alias *" + alias.getAnchor() + " (recursive aliases are not allowed)");
			}
			if (target.collection() && ++this.aliases > this.limits.maxAliases()) {
				throw new YamlProblem(event.getStartMark(), "more than " + this.limits.maxAliases()
						+ " aliases to collections in one document (a YAML bomb?)");
			}
			count(event, target.size());
			return target.value();
		}
		if (event instanceof ScalarEvent scalar) {
			Object value = YamlScalars.value(scalar);
			count(event, 1);
			remember(scalar, value, 1, false);
			return value;
		}
		if (depth >= this.limits.maxDepth()) {
			throw new YamlProblem(event.getStartMark(), "nested deeper than " + this.limits.maxDepth() + " levels");
		}
		long before = this.nodes;
		Object value;
		if (event instanceof SequenceStartEvent sequence) {
			YamlScalars.checkTag(sequence, Tag.SEQ);
			this.open++;
			List<Object> list = new ArrayList<>();
			while (!this.parser.checkEvent(Event.ID.SequenceEnd)) {
				list.add(node(depth + 1));
			}
			this.parser.getEvent();
			this.open--;
			value = list;
		}
		else if (event instanceof MappingStartEvent mapping) {
			value = mapping(mapping, depth, false);
		}
		else {
			throw new YamlProblem(event.getStartMark(), "unexpected " + event.getEventId());
		}
		count(event, 1);
		remember((NodeEvent) event, value, this.nodes - before, true);
		return value;
	}

	/** A mapping; at the root, its {@code items} are streamed and {@code null} is returned. */
	private @Nullable Map<String, Object> mapping(MappingStartEvent start, int depth, boolean root) {
		YamlScalars.checkTag(start, Tag.MAP);
		this.open++;
		Map<String, Object> map = new LinkedHashMap<>();
		List<Object> merges = new ArrayList<>();
		boolean list = false;
		while (!this.parser.checkEvent(Event.ID.MappingEnd)) {
			Event keyEvent = this.parser.peekEvent();
			boolean merge = keyEvent instanceof ScalarEvent scalar && scalar.getTag() == null
					&& scalar.getImplicit().canOmitTagInPlainScalar() && "<<".equals(scalar.getValue());
			if (merge) {
				this.parser.getEvent();
				merges.add(node(depth + 1));
				continue;
			}
			Object key = node(depth + 1);
			if (key instanceof Map || key instanceof List) {
				throw new YamlProblem(keyEvent.getStartMark(), "a mapping key must be a scalar");
			}
			String name = String.valueOf(key);
			if (map.containsKey(name) || (list && name.equals("items"))) {
				throw new YamlProblem(keyEvent.getStartMark(), "duplicate key '" + name + "'");
			}
			if (root && name.equals("items") && this.parser.checkEvent(Event.ID.SequenceStart)) {
				items(depth + 1);
				list = true;
				continue;
			}
			map.put(name, node(depth + 1));
		}
		this.parser.getEvent();
		this.open--;
		for (Object merged : merges) {
			merge(map, merged, start);
		}
		return list ? null : map;
	}

	private void items(int depth) {
		this.parser.getEvent();
		this.open++;
		int index = 0;
		while (!this.parser.checkEvent(Event.ID.SequenceEnd)) {
			Event first = this.parser.peekEvent();
			this.item = ++index;
			this.unitStart = first.getStartMark().getIndex();
			this.nodes = 0;
			int level = this.open;
			try {
				Object value = node(depth + 1);
				if (value instanceof Map<?, ?> object) {
					@SuppressWarnings("unchecked")
					Map<String, Object> typed = (Map<String, Object>) object;
					this.sink.object(typed, position(first.getStartMark()));
				}
				else if (value != null) {
					this.sink.problem(position(first.getStartMark()), "the item is not an object");
				}
			}
			catch (YamlProblem problem) {
				this.sink.problem(position(problem.mark()), problem.getMessage());
				skipTo(level);
			}
		}
		Event end = this.parser.getEvent();
		this.open--;
		this.item = null;
		this.unitStart = end.getEndMark().getIndex();
	}

	private void skipTo(int level) {
		while (this.open > level) {
			Event event = this.parser.getEvent();
			if (event instanceof CollectionStartEvent) {
				this.open++;
			}
			else if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
				this.open--;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void merge(Map<String, Object> map, @Nullable Object merged, MappingStartEvent start) {
		if (merged instanceof Map<?, ?> source) {
			((Map<String, Object>) source).forEach(map::putIfAbsent);
		}
		else if (merged instanceof List<?> sources) {
			for (Object source : sources) {
				merge(map, source, start);
			}
		}
		else {
			throw new YamlProblem(start.getStartMark(), "a merge key (<<) needs a mapping or a list of mappings");
		}
	}

	private void count(Event event, long size) {
		this.nodes += size;
		if (this.nodes > this.limits.maxNodes()) {
			throw new YamlProblem(event.getStartMark(), "more than " + this.limits.maxNodes()
					+ " values once aliases are expanded (a YAML bomb?)");
		}
	}

	private void remember(NodeEvent event, @Nullable Object value, long size, boolean collection) {
		if (event.getAnchor() != null) {
			this.anchors.put(event.getAnchor(), new Anchored(value, size, collection));
		}
	}

	private Position position(@Nullable Mark mark) {
		if (!this.counted) {
			this.documents[0]++;
			this.counted = true;
		}
		int line = (mark != null) ? this.chunk.firstLine() + mark.getLine() + 1 : 0;
		return new Position(this.documents[0], this.item, line);
	}

	private record Anchored(@Nullable Object value, long size, boolean collection) {
	}

}
