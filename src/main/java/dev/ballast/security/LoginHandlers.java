package dev.ballast.security;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What happens after the sign-in form and the sign-out button: each is audited, then the browser
 * goes on. A failed sign-in returns to {@code /login?error} whatever was wrong (unknown user or
 * wrong password), {@code /login?locked} after too many failures, and {@code /login?disabled} only
 * when the password was right.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

	private final AuditLog audit;

	private final AuthenticationSuccessHandler continueToPage = new SavedRequestAwareAuthenticationSuccessHandler();

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	LoginHandlers(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		this.audit.record(AuditAction.LOGIN_SUCCEEDED, new Actor(authentication.getName(), request.getRemoteAddr()),
				null, null);
		this.continueToPage.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String username = request.getParameter("username");
		Actor actor = new Actor((username != null && !username.isBlank()) ? username.strip() : "?",
				request.getRemoteAddr());
		if (failure instanceof TooManyAttemptsException) {
			this.audit.record(AuditAction.LOGIN_LOCKED, actor, null, null);
			this.redirect.sendRedirect(request, response, "/login?locked");
		}
		else if (failure instanceof DisabledException) {
			this.audit.record(AuditAction.LOGIN_FAILED, actor, null, "disabled");
			this.redirect.sendRedirect(request, response, "/login?disabled");
		}
		else {
			this.audit.record(AuditAction.LOGIN_FAILED, actor, null, null);
			this.redirect.sendRedirect(request, response, "/login?error");
		}
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null) {
			this.audit.record(AuditAction.LOGOUT, new Actor(authentication.getName(), request.getRemoteAddr()), null,
					null);
		}
	}

}
