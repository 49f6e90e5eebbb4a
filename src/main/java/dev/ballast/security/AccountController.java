package dev.ballast.security;

import java.util.Objects;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Every signed-in user changes their own password here, giving the current one first.
 */
@Controller
class AccountController {

	private static final String FORM = "security/own-password";

	private final UserAccounts users;

	AccountController(UserAccounts users) {
		this.users = users;
	}

	@GetMapping("/settings/password")
	String form(Model model) {
		model.addAttribute("form", new OwnPasswordForm("", ""));
		return FORM;
	}

	@PostMapping("/settings/password")
	String change(@Valid @ModelAttribute("form") OwnPasswordForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, RedirectAttributes redirect) {
		if (form.password() != null && !form.password().isBlank() && !result.hasFieldErrors("password")) {
			String problem = PasswordPolicy.problem(me.username(), form.password());
			if (problem != null) {
				result.rejectValue("password", problem);
			}
		}
		if (result.hasErrors()) {
			return FORM;
		}
		boolean changed = this.users.changeOwnPassword(me.id(), Objects.requireNonNull(form.currentPassword()),
				Objects.requireNonNull(form.password()), Actor.of(me, request));
		if (!changed) {
			result.rejectValue("currentPassword", "security.password.current-wrong");
			return FORM;
		}
		redirect.addFlashAttribute("flashMessage", "security.password.changed");
		return "redirect:/settings";
	}

}
