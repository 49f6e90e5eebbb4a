package dev.ballast.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.json.JacksonJsonView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where every unhandled error lands: an API caller gets a problem detail, a browser gets the
 * error page for its status. Neither ever shows a stack trace or an exception message.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final MessageSource messages;

	ErrorPageController(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		if (isApi(request)) {
			// A browser opening an API URL still gets the API's answer: a problem detail.
			JacksonJsonView json = new JacksonJsonView();
			json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.setExtractValueFromSingleKeyModel(true);
			ModelAndView answer = new ModelAndView(json, "problem", problem(request, status));
			answer.setStatus(status);
			return answer;
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("kind", kindOf(status));
		return page;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(request, status));
	}

	private ProblemDetail problem(HttpServletRequest request, HttpStatus status) {
		Locale locale = RequestContextUtils.getLocale(request);
		String kind = kindOf(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage("web.error." + kind + ".detail", null, locale));
		problem.setTitle(this.messages.getMessage("web.error." + kind + ".title", null, locale));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(URI.create(path.replace(" ", "%20")));
		}
		return problem;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String kindOf(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "400";
			case UNAUTHORIZED -> "401";
			case FORBIDDEN -> "403";
			case NOT_FOUND -> "404";
			case METHOD_NOT_ALLOWED -> "405";
			case CONTENT_TOO_LARGE -> "413";
			case TOO_MANY_REQUESTS -> "429";
			default -> status.is4xxClientError() ? "4xx" : "500";
		};
	}

}
