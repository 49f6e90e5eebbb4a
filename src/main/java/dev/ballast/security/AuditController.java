package dev.ballast.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, a page at a time, for administrators.
 */
@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/settings/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("events", this.audit.newestFirst(page));
		return "security/audit";
	}

}
