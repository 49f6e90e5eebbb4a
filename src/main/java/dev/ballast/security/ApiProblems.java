package dev.ballast.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the API refuses a request, as RFC 9457 problem details of type
 * {@code https://ballast.dev/problems/<kind>}:
 * <ul>
 * <li>401 {@code authentication-required}: no credentials (a token in the URL does not count);</li>
 * <li>401 {@code invalid-token}: a bearer token that is unknown, revoked or expired (which one is
 * not said);</li>
 * <li>429 {@code too-many-attempts}: too many invalid tokens from this address lately;</li>
 * <li>403 {@code csrf-token-missing}: a browser session changing something without a CSRF
 * token;</li>
 * <li>403 {@code access-denied}: the role is not enough.</li>
 * </ul>
 */
final class ApiProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler {

	private static final String TYPE_BASE = "https://ballast.dev/problems/";

	private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof TooManyAttemptsException tooMany) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, tooMany.retryAfter().toSeconds())));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts");
		}
		else if (BearerTokenConverter.hasBearerToken(request)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			write(request, response, HttpStatus.UNAUTHORIZED, "authentication-required");
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		commence(request, response, failure);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN,
				(denied instanceof CsrfException) ? "csrf-token-missing" : "access-denied");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind)
			throws IOException {
		String prefix = "security.problem." + kind;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(prefix + ".detail", null, request.getLocale()));
		problem.setType(URI.create(TYPE_BASE + kind));
		problem.setTitle(this.messages.getMessage(prefix + ".title", null, request.getLocale()));
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException ex) {
			// not a valid URI reference: leave the instance out
		}
		response.setStatus(status.value());
		this.json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
	}

}
