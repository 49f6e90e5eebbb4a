package dev.ballast.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ReflectionUtils;

/**
 * Writes every list of the API as {@code text/csv; charset=UTF-8} (RFC 4180): a collection of
 * records, or a list page, a record whose component {@code items} is a list of records (its
 * other components, such as {@code nextCursor}, are not rows; the controller puts the next page
 * in the {@code Link} header). The header row names the columns ({@link CsvColumns}); it is
 * there for an empty list too, taken from the declared element type. A text cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) gets a leading
 * {@code '}.
 */
final class CsvHttpMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** The component of a list page that holds its rows. */
	static final String ITEMS = "items";

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Map<Class<?>, CsvColumns> columns = new ConcurrentHashMap<>();

	CsvHttpMessageConverter() {
		super(TEXT_CSV);
		setDefaultCharset(StandardCharsets.UTF_8);
	}

	@Override
	public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
		return canWrite(mediaType) && rowType(type, valueClass) != null;
	}

	/**
	 * Asked with the class alone, after {@link #canWrite(ResolvableType, Class, MediaType)} said
	 * yes for the declared type: the class alone cannot tell the element type of a list.
	 */
	@Override
	public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
		return (Collection.class.isAssignableFrom(clazz) || clazz.isRecord()) ? getSupportedMediaTypes() : List.of();
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage inputMessage, @Nullable Map<String, Object> hints)
			throws HttpMessageNotReadableException {
		throw new HttpMessageNotReadableException("CSV is written, never read", inputMessage);
	}

	@Override
	protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
			@Nullable Map<String, Object> hints) throws IOException {
		Class<?> rowType = rowType(type, value.getClass());
		if (rowType == null) {
			throw new IllegalArgumentException("Not a list of records: " + type);
		}
		CsvColumns table = this.columns.computeIfAbsent(rowType, CsvColumns::of);
		MediaType contentType = output.getHeaders().getContentType();
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		Writer writer = new OutputStreamWriter(output.getBody(), charset);
		writeLine(writer, table.names().stream().map((name) -> new CsvColumns.Cell(name, false)).toList());
		for (Object row : rows(value)) {
			writeLine(writer, table.cells(row));
		}
		writer.flush();
	}

	/**
	 * The record type of the rows, from the declared type if it tells, else from the value's class;
	 * {@code null} if the value is not a list of records.
	 */
	static @Nullable Class<?> rowType(ResolvableType declared, Class<?> valueClass) {
		ResolvableType type = declared.toClass().isAssignableFrom(valueClass) ? declared
				: ResolvableType.forClass(valueClass);
		if (Collection.class.isAssignableFrom(valueClass)) {
			return recordOrNull(type.asCollection().getGeneric(0).resolve());
		}
		if (valueClass.isRecord()) {
			Field items = ReflectionUtils.findField(valueClass, ITEMS);
			if (items != null && List.class.isAssignableFrom(items.getType())) {
				return recordOrNull(ResolvableType.forField(items, type).asCollection().getGeneric(0).resolve());
			}
		}
		return null;
	}

	private static @Nullable Class<?> recordOrNull(@Nullable Class<?> type) {
		return (type != null && type.isRecord()) ? type : null;
	}

	private static Collection<?> rows(Object value) {
		if (value instanceof Collection<?> rows) {
			return rows;
		}
		Field items = ReflectionUtils.findField(value.getClass(), ITEMS);
		ReflectionUtils.makeAccessible(items);
		Object rows = ReflectionUtils.getField(items, value);
		return (rows != null) ? (Collection<?>) rows : List.of();
	}

	private static void writeLine(Writer writer, List<CsvColumns.Cell> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(escape(cells.get(i)));
		}
		writer.write("\r\n");
	}

	/** The formula guard, then RFC 4180 quoting. */
	static String escape(CsvColumns.Cell cell) {
		String text = cell.text();
		if (!cell.numeric() && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
