package dev.ballast.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Problem details for a request parameter that is missing, malformed or out of range: type
 * {@code https://ballast.dev/problems/<kind>}, title and detail from the messages
 * {@code web.problem.<kind>.*}, and the property {@code parameter} naming it, so a script can
 * tell which one to fix.
 */
final class ParameterProblems {

	static final String TYPE_BASE = "https://ballast.dev/problems/";

	/** Values longer than this are cut in the detail: it echoes what was sent, not all of it. */
	private static final int MAX_ECHO = 100;

	private final MessageSource messages;

	ParameterProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param kind e.g. {@code invalid-parameter}
	 * @param detailCode the message code of the detail, whose arguments follow
	 */
	ProblemDetail problem(HttpStatus status, String kind, String detailCode, String parameter, Locale locale,
			Object... detailArguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(detailCode, detailArguments, locale));
		problem.setType(URI.create(TYPE_BASE + kind));
		problem.setTitle(this.messages.getMessage("web.problem." + kind + ".title", null, locale));
		problem.setProperty("parameter", parameter);
		return problem;
	}

	/** A validation error in words, e.g. {@code must be less than or equal to 1000}. */
	String message(MessageSourceResolvable error, Locale locale) {
		return this.messages.getMessage(error, locale);
	}

	/** What a parameter of this type must be, in words: {@code a number}, {@code one of OK, FAILED}. */
	String expected(MethodParameter parameter, Locale locale) {
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		if (type.isArray()) {
			type = type.getComponentType();
		}
		else if (type.asCollection() != ResolvableType.NONE) {
			type = type.asCollection().getGeneric(0);
		}
		return expected(ClassUtils.resolvePrimitiveIfNecessary(type.toClass()), locale);
	}

	private String expected(Class<?> type, Locale locale) {
		if (type.isEnum()) {
			String names = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			return this.messages.getMessage("web.problem.expected.one-of", new Object[] { names }, locale);
		}
		String what;
		if (Number.class.isAssignableFrom(type)) {
			what = "number";
		}
		else if (type == Boolean.class) {
			what = "boolean";
		}
		else if (type == LocalDate.class) {
			what = "date";
		}
		else if (Temporal.class.isAssignableFrom(type)) {
			what = "timestamp";
		}
		else if (type == Duration.class) {
			what = "duration";
		}
		else if (type == UUID.class) {
			what = "uuid";
		}
		else {
			what = "value";
		}
		return this.messages.getMessage("web.problem.expected." + what, null, locale);
	}

	/** The name a client uses for the parameter: the annotation's, else the Java name. */
	static String nameOf(MethodParameter parameter) {
		String name = null;
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (requestParam != null) {
			name = either(requestParam.name(), requestParam.value());
		}
		else if (pathVariable != null) {
			name = either(pathVariable.name(), pathVariable.value());
		}
		else if (header != null) {
			name = either(header.name(), header.value());
		}
		if (!StringUtils.hasText(name)) {
			name = parameter.getParameterName();
		}
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

	private static String either(String name, String value) {
		return StringUtils.hasText(name) ? name : value;
	}

	/** A value as the detail echoes it: arrays joined, long values cut. */
	static String echo(@Nullable Object value) {
		String text;
		if (value instanceof Object[] values) {
			text = Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(","));
		}
		else {
			text = String.valueOf(value);
		}
		return (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "…" : text;
	}

}
