package dev.ballast.checks;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

/**
 * The stored check configuration pages: settings (severity or off, per cluster and namespace, with
 * history) and exemptions (list, create, revoke). Reading is VIEWER, changing OPERATOR.
 */
@Controller
class CheckSettingsController {

	private final SettingStore settings;

	private final ExemptionStore exemptions;

	private final KnownChecks known;

	CheckSettingsController(SettingStore settings, ExemptionStore exemptions, KnownChecks known) {
		this.settings = settings;
		this.exemptions = exemptions;
		this.known = known;
	}

	@ModelAttribute("checkIds")
	List<String> checkIds() {
		List<String> ids = new ArrayList<>(this.known.ids());
		ids.sort(null);
		return ids;
	}

	@GetMapping("/checks/settings")
	String settings(Model model) {
		model.addAttribute("form", SettingForm.empty());
		return settingsPage(model);
	}

	@PostMapping("/checks/settings")
	String change(@Valid @ModelAttribute("form") SettingForm form, BindingResult result, Principal user, Model model,
			RedirectAttributes redirect) {
		String done = saved(result, redirect, "checks.settings.flash.changed", "/checks/settings",
				() -> this.settings.change(form, user.getName()));
		return (done != null) ? done : settingsPage(model);
	}

	@GetMapping("/checks/exemptions")
	String exemptions(Model model) {
		model.addAttribute("form", ExemptionForm.empty());
		return exemptionsPage(model);
	}

	@PostMapping("/checks/exemptions")
	String exempt(@Valid @ModelAttribute("form") ExemptionForm form, BindingResult result, Principal user,
			Model model, RedirectAttributes redirect) {
		String done = saved(result, redirect, "checks.exemptions.flash.created", "/checks/exemptions",
				() -> this.exemptions.create(form, user.getName()));
		return (done != null) ? done : exemptionsPage(model);
	}

	@PostMapping("/checks/exemptions/{id}/revoke")
	String revoke(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		this.exemptions.revoke(id, user.getName());
		redirect.addFlashAttribute("flashMessage", "checks.exemptions.flash.revoked");
		return "redirect:/checks/exemptions";
	}

	/** Makes a valid change: the redirect after it, or {@code null} to show the form with its errors. */
	private static @Nullable String saved(BindingResult result, RedirectAttributes redirect, String flash,
			String page, Runnable change) {
		if (result.hasErrors()) {
			return null;
		}
		try {
			change.run();
		}
		catch (CheckRequestException ex) {
			result.rejectValue(String.valueOf(ex.field()), ex.messageCode(), ex.arguments(), null);
			return null;
		}
		redirect.addFlashAttribute("flashMessage", flash);
		return "redirect:" + page;
	}

	private String settingsPage(Model model) {
		model.addAttribute("settings", this.settings.all());
		model.addAttribute("history", this.settings.history(100));
		return "checks/settings";
	}

	private String exemptionsPage(Model model) {
		model.addAttribute("exemptions", this.exemptions.all());
		return "checks/exemptions";
	}

}
