package dev.ballast.security;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. The form posts to {@code /login}, which Spring Security handles.
 */
@Controller
class LoginController {

	private final SecuritySettings settings;

	LoginController(SecuritySettings settings) {
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(@Nullable Principal principal, Model model) {
		if (principal != null) {
			return "redirect:/";
		}
		model.addAttribute("lockMinutes", Math.max(1, this.settings.login().window().toMinutes()));
		return "security/login";
	}

}
