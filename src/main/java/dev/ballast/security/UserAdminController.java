package dev.ballast.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Users, for administrators: list, create, change role, disable and enable, reset password.
 */
@Controller
@RequestMapping("/settings/users")
class UserAdminController {

	private static final String LIST = "redirect:/settings/users";

	private final UserAccounts users;

	UserAdminController(UserAccounts users) {
		this.users = users;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.all());
		return "security/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", NewUserForm.empty());
		return "security/user-new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, RedirectAttributes redirect) {
		String username = Objects.requireNonNullElse(form.username(), "").strip();
		checkPassword(username, form.password(), result);
		if (!result.hasErrors()) {
			try {
				this.users.create(username, Objects.requireNonNull(form.role()),
						Objects.requireNonNull(form.password()), Actor.of(me, request));
			}
			catch (UserChangeRefusedException ex) {
				result.rejectValue("username", ex.messageCode());
			}
		}
		if (result.hasErrors()) {
			return "security/user-new";
		}
		redirect.addFlashAttribute("flashMessage", "security.users.flash.created");
		return LIST;
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, @AuthenticationPrincipal SignedInUser me,
			HttpServletRequest request, RedirectAttributes redirect) {
		return change(redirect, "security.users.flash.role-changed",
				() -> this.users.changeRole(id, role, Actor.of(me, request)));
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return change(redirect, "security.users.flash.disabled",
				() -> this.users.setEnabled(id, false, Actor.of(me, request)));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return change(redirect, "security.users.flash.enabled",
				() -> this.users.setEnabled(id, true, Actor.of(me, request)));
	}

	@GetMapping("/{id}/password")
	String passwordForm(@PathVariable long id, Model model) {
		model.addAttribute("user", this.users.get(id));
		model.addAttribute("form", new PasswordForm(""));
		return "security/user-password";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		UserAccount user = this.users.get(id);
		checkPassword(user.getUsername(), form.password(), result);
		if (result.hasErrors()) {
			model.addAttribute("user", user);
			return "security/user-password";
		}
		this.users.resetPassword(id, Objects.requireNonNull(form.password()), Actor.of(me, request));
		redirect.addFlashAttribute("flashMessage", "security.users.flash.password-reset");
		return LIST;
	}

	private static void checkPassword(String username, @Nullable String password,
			BindingResult result) {
		if (password != null && !password.isBlank() && !result.hasFieldErrors("password")) {
			String problem = PasswordPolicy.problem(username, password);
			if (problem != null) {
				result.rejectValue("password", problem);
			}
		}
	}

	private static String change(RedirectAttributes redirect, String done, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flashMessage", done);
		}
		catch (UserChangeRefusedException ex) {
			redirect.addFlashAttribute("flashError", ex.messageCode());
		}
		return LIST;
	}

}
