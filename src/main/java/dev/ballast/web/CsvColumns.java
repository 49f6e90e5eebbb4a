package dev.ballast.web;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The columns of a record type as CSV shows it: one per record component, nested records
 * flattened with dotted names ({@code findings.danger}); and the cells of one row: collections
 * joined with {@code ;}, maps as {@code k=v;k=v}, enums by name, times in ISO-8601, nulls empty.
 * Quoting and the formula guard are {@link CsvHttpMessageConverter}'s.
 */
final class CsvColumns {

	/** Deeper nesting than this is written as one cell: a guard against self-referencing types. */
	private static final int MAX_DEPTH = 4;

	private final List<Column> columns;

	private CsvColumns(List<Column> columns) {
		this.columns = columns;
	}

	static CsvColumns of(Class<?> recordType) {
		List<Column> columns = new ArrayList<>();
		collect(recordType, List.of(), "", 0, columns);
		return new CsvColumns(columns);
	}

	List<String> names() {
		return this.columns.stream().map(Column::name).toList();
	}

	/** The cells of one row; {@code numeric} cells are numbers, safe from the formula guard. */
	List<Cell> cells(Object row) {
		List<Cell> cells = new ArrayList<>(this.columns.size());
		for (Column column : this.columns) {
			Object value = column.valueOf(row);
			cells.add(new Cell(text(value), value instanceof Number));
		}
		return cells;
	}

	private static void collect(Class<?> type, List<Method> path, String prefix, int depth, List<Column> columns) {
		for (RecordComponent component : type.getRecordComponents()) {
			Method accessor = component.getAccessor();
			// records of package-private API controllers are read from here
			accessor.trySetAccessible();
			List<Method> componentPath = new ArrayList<>(path);
			componentPath.add(accessor);
			String name = prefix + component.getName();
			if (component.getType().isRecord() && depth < MAX_DEPTH) {
				collect(component.getType(), componentPath, name + ".", depth + 1, columns);
			}
			else {
				columns.add(new Column(name, List.copyOf(componentPath)));
			}
		}
	}

	static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof TemporalAccessor) {
			// Instant, LocalDate, OffsetDateTime...: toString is ISO-8601
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<?, ?> ordered = (map instanceof SortedMap) ? map : sorted(map);
			return ordered.entrySet()
				.stream()
				.map((entry) -> text(entry.getKey()) + "=" + text(entry.getValue()))
				.collect(Collectors.joining(";"));
		}
		if (value instanceof Collection<?> collection) {
			List<String> items = collection.stream().map(CsvColumns::text).toList();
			if (collection instanceof java.util.Set && !(collection instanceof SortedSet)
					&& !(collection instanceof LinkedHashSet)) {
				// no order of its own: sort, so the same data gives the same file
				items = items.stream().sorted().toList();
			}
			return String.join(";", items);
		}
		if (value.getClass().isArray()) {
			List<String> items = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				items.add(text(Array.get(value, i)));
			}
			return String.join(";", items);
		}
		return value.toString();
	}

	private static Map<?, ?> sorted(Map<?, ?> map) {
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((key, value) -> sorted.put(text(key), value));
		return sorted;
	}

	/** One cell's text; a number is never mistaken for a formula. */
	record Cell(String text, boolean numeric) {
	}

	/** A column: its dotted name and the accessors that lead from the row to its value. */
	private record Column(String name, List<Method> path) {

		@Nullable Object valueOf(Object row) {
			Object value = row;
			for (Method accessor : this.path) {
				if (value == null) {
					return null;
				}
				value = read(accessor, value);
			}
			return value;
		}

		private static @Nullable Object read(Method accessor, Object record) {
			try {
				return accessor.invoke(record);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot read " + accessor, ex);
			}
			catch (InvocationTargetException ex) {
				throw new IllegalStateException("Reading " + accessor + " failed", ex.getCause());
			}
		}

	}

}
