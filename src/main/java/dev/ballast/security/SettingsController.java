package dev.ballast.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings index: API tokens for everyone, users and the audit log for administrators.
 */
@Controller
class SettingsController {

	@GetMapping("/settings")
	String settings() {
		return "security/settings";
	}

}
