package dev.ballast.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error an API controller raises becomes an RFC 9457 problem detail: Spring MVC's own
 * (validation, unreadable body, wrong method) and the modules' exceptions, which extend
 * {@link org.springframework.web.ErrorResponseException} with their status, type and a message
 * code for the detail. A bad parameter (malformed, missing, out of range, or a format Ballast
 * cannot answer in) is a 400 or 406 whose detail names it and whose property {@code parameter}
 * carries its name ({@link ParameterProblems}). Anything unforeseen reaches
 * {@link ErrorPageController} as a 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

	private final ParameterProblems problems;

	ApiExceptionAdvice(MessageSource messages) {
		this.problems = new ParameterProblems(messages);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentTypeMismatchException mismatch)) {
			return super.handleTypeMismatch(ex, headers, status, request);
		}
		Locale locale = LocaleContextHolder.getLocale();
		String name = ParameterProblems.nameOf(mismatch.getParameter());
		ProblemDetail problem = this.problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"web.problem.invalid-parameter.detail", name, locale, name,
				this.problems.expected(mismatch.getParameter(), locale), ParameterProblems.echo(mismatch.getValue()));
		return answer(ex, problem, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		String name = ex.getParameterName();
		ProblemDetail problem = this.problems.problem(HttpStatus.BAD_REQUEST, "missing-parameter",
				"web.problem.missing-parameter.detail", name, LocaleContextHolder.getLocale(), name);
		return answer(ex, problem, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Violation> violations = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String message = this.problems.message(error, locale);
				if (error instanceof FieldError field) {
					violations.add(new Violation(field.getField(), message, field.getRejectedValue()));
				}
				else {
					violations.add(new Violation(ParameterProblems.nameOf(result.getMethodParameter()), message,
							result.getArgument()));
				}
			}
		}
		if (violations.isEmpty()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, request);
		}
		Violation first = violations.get(0);
		ProblemDetail problem = this.problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"web.problem.invalid-parameter.constraint", first.parameter(), locale, first.parameter(), first.message(),
				ParameterProblems.echo(first.value()));
		if (violations.size() > 1) {
			problem.setProperty("errors", violations.stream()
				.map((violation) -> Map.of("parameter", violation.parameter(), "detail", violation.message()))
				.toList());
		}
		return answer(ex, problem, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String format = request.getParameter(ApiFormats.FORMAT_PARAMETER);
		ProblemDetail problem;
		if (format != null) {
			String offered = ApiFormats.FORMATS.entrySet()
				.stream()
				.filter((entry) -> ex.getSupportedMediaTypes()
					.stream()
					.anyMatch((supported) -> supported.isCompatibleWith(entry.getValue())))
				.map(Map.Entry::getKey)
				.collect(Collectors.joining(", "));
			problem = this.problems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
					"web.problem.not-acceptable.detail", ApiFormats.FORMAT_PARAMETER, locale,
					ApiFormats.FORMAT_PARAMETER, offered, ParameterProblems.echo(format));
		}
		else {
			String offered = ex.getSupportedMediaTypes()
				.stream()
				.filter(MediaType::isConcrete)
				.map((type) -> type.getType() + "/" + type.getSubtype())
				.distinct()
				.collect(Collectors.joining(", "));
			problem = this.problems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
					"web.problem.not-acceptable.header.detail", HttpHeaders.ACCEPT, locale, HttpHeaders.ACCEPT,
					offered, ParameterProblems.echo(request.getHeader(HttpHeaders.ACCEPT)));
		}
		return answer(ex, problem, request);
	}

	/**
	 * The problem as {@code application/problem+json}, whatever the client asked for: it may have
	 * asked for a format that is the very problem.
	 */
	private @Nullable ResponseEntity<Object> answer(Exception ex, ProblemDetail problem, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	private record Violation(String parameter, String message, @Nullable Object value) {
	}

}
