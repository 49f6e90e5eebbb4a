package dev.ballast.web;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error an API controller raises becomes an RFC 9457 problem detail: Spring MVC's own
 * (validation, unreadable body, wrong method) and the modules' exceptions, which extend
 * {@link org.springframework.web.ErrorResponseException} with their status, type and a message
 * code for the detail. Anything unforeseen reaches {@link ErrorPageController} as a 500 without
 * internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

}
