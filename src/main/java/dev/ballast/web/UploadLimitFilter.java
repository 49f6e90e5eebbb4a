package dev.ballast.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Parses a multipart upload before anything else reads its parameters (Spring Security's CSRF
 * check would be first): one over {@code spring.servlet.multipart.*} is answered with the 413
 * error page or problem detail, a malformed one with a 400, instead of the servlet container's own
 * error page. The answer comes from {@link ErrorPageController} on a request without the broken
 * body; the container swallows the rest of the upload, so the client reads the answer.
 */
@Component
@Order(-110) // before Spring Security's filter chain (-100)
class UploadLimitFilter extends OncePerRequestFilter {

	private final MultipartResolver multipart;

	UploadLimitFilter(MultipartResolver multipart) {
		this.multipart = multipart;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.multipart.isMultipart(request)) {
			try {
				this.multipart.resolveMultipart(request);
			}
			catch (MaxUploadSizeExceededException ex) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ex);
				return;
			}
			catch (MultipartException ex) {
				refuse(request, response, HttpStatus.BAD_REQUEST, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			MultipartException ex) throws ServletException, IOException {
		WithoutBody answer = new WithoutBody(request);
		answer.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		answer.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		answer.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
		response.setStatus(status.value());
		request.getRequestDispatcher("/error").forward(answer, response);
	}

	/** The request as a GET without body or parameters, so nothing tries to parse the upload again. */
	private static final class WithoutBody extends HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

		@Override
		public List<Part> getParts() {
			return List.of();
		}

		@Override
		public @Nullable Part getPart(String name) {
			return null;
		}

	}

}
