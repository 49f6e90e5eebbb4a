package dev.ballast.report;

import java.security.Principal;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

/**
 * The SMTP server reports go through, for an ADMIN: the settings (the stored password is never
 * shown; a blank field keeps it) and a test mail to any address, recorded in the delivery log
 * and shown with its outcome.
 */
@Controller
class SmtpPageController {

	private final SmtpStore smtp;

	private final ReportDispatcher dispatcher;

	private final Deliveries deliveries;

	SmtpPageController(SmtpStore smtp, ReportDispatcher dispatcher, Deliveries deliveries) {
		this.smtp = smtp;
		this.dispatcher = dispatcher;
		this.deliveries = deliveries;
	}

	@GetMapping("/reports/smtp")
	String show(Model model) {
		model.addAttribute("form", SmtpForm.of(this.smtp.get()));
		return page(model);
	}

	@PostMapping("/reports/smtp")
	String save(@Valid @ModelAttribute("form") SmtpForm form, BindingResult result, Principal user, Model model,
			RedirectAttributes redirect) {
		if (form.from() != null && !form.from().isBlank() && !SubscriptionRules.validAddress(form.from().strip())) {
			result.rejectValue("from", "report.smtp.error.from");
		}
		boolean newPassword = form.password() != null && !form.password().isEmpty()
				&& !Boolean.TRUE.equals(form.clearPassword());
		if (newPassword && !this.smtp.canStorePassword()) {
			result.rejectValue("password", "report.smtp.error.no-key");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		this.smtp.save(Objects.requireNonNull(form.host()), Objects.requireNonNull(form.port()),
				Objects.requireNonNull(form.security()), form.username(), form.password(),
				Boolean.TRUE.equals(form.clearPassword()), Objects.requireNonNull(form.from()), user.getName());
		redirect.addFlashAttribute("flashMessage", "report.smtp.flash.saved");
		return "redirect:/reports/smtp";
	}

	@PostMapping("/reports/smtp/test")
	String test(@RequestParam(defaultValue = "") String address, Principal user, Locale locale,
			RedirectAttributes redirect) {
		if (!SubscriptionRules.validAddress(address.strip())) {
			redirect.addFlashAttribute("testAddressInvalid", address);
			return "redirect:/reports/smtp";
		}
		redirect.addFlashAttribute("deliveryId", this.dispatcher.sendTest(address.strip(), user.getName(), locale).id());
		return "redirect:/reports/smtp";
	}

	private String page(Model model) {
		model.addAttribute("settings", this.smtp.get());
		model.addAttribute("delivery", ReportPagesController.flashedDelivery(model, this.deliveries));
		model.addAttribute("canStorePassword", this.smtp.canStorePassword());
		model.addAttribute("securities", SmtpSecurity.values());
		return "report/smtp";
	}

}
