package dev.ballast.checks;

import java.security.Principal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

/**
 * Custom CEL checks: list (VIEWER); write, test on a sample object, save, disable, enable and
 * delete (OPERATOR). Saving is refused until the expression and sample on the form were tested.
 */
@Controller
class CustomCheckController {

	private static final String LIST = "redirect:/checks/custom";

	private static final String FORM = "checks/custom-form";

	private final CustomCheckStore store;

	CustomCheckController(CustomCheckStore store) {
		this.store = store;
	}

	@ModelAttribute("categories")
	Category[] categories() {
		return Category.values();
	}

	@ModelAttribute("severities")
	Severity[] severities() {
		return Severity.values();
	}

	@GetMapping("/checks/custom")
	String list(Model model) {
		model.addAttribute("checks", this.store.all());
		return "checks/custom";
	}

	@GetMapping("/checks/custom/new")
	String newCheck(Model model) {
		model.addAttribute("form", CustomCheckForm.empty());
		model.addAttribute("editing", null);
		return FORM;
	}

	@GetMapping("/checks/custom/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		model.addAttribute("form", this.store.get(id).form());
		model.addAttribute("editing", id);
		return FORM;
	}

	/** Tests ({@code action=test}) or saves the form; {@code editing} names the check being edited. */
	@PostMapping("/checks/custom")
	String submit(@Valid @ModelAttribute("form") CustomCheckForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, @RequestParam(required = false) @Nullable String editing,
			Principal user, Model model, RedirectAttributes redirect) {
		model.addAttribute("editing", (editing == null || editing.isBlank()) ? null : editing);
		if (result.hasFieldErrors("expression") || result.hasFieldErrors("sample") || result.hasFieldErrors("id")) {
			return FORM;
		}
		CustomCheckTrials.Outcome outcome = CustomCheckTrials.test(form);
		model.addAttribute("outcome", outcome);
		String fingerprint = CustomCheckTrials.fingerprint(form);
		if ("test".equals(action)) {
			model.addAttribute("form", form.withTested(outcome.ran() ? fingerprint : null));
			return FORM;
		}
		if (!fingerprint.equals(form.tested())) {
			result.reject("checks.custom.test-first");
		}
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			String id = (editing == null || editing.isBlank()) ? null : editing;
			if (id != null && !id.equals(Objects.requireNonNullElse(form.id(), "").strip())) {
				result.rejectValue("id", "checks.custom.id.fixed");
				return FORM;
			}
			this.store.save(form, id == null, user.getName());
		}
		catch (CheckRequestException ex) {
			if (ex.field() != null) {
				result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
			}
			else {
				result.reject(ex.messageCode(), ex.arguments(), null);
			}
			return FORM;
		}
		redirect.addFlashAttribute("flashMessage", "checks.custom.flash.saved");
		return LIST;
	}

	@PostMapping("/checks/custom/{id}/disable")
	String disable(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		this.store.setEnabled(id, false, user.getName());
		redirect.addFlashAttribute("flashMessage", "checks.custom.flash.disabled");
		return LIST;
	}

	@PostMapping("/checks/custom/{id}/enable")
	String enable(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		this.store.setEnabled(id, true, user.getName());
		redirect.addFlashAttribute("flashMessage", "checks.custom.flash.enabled");
		return LIST;
	}

	@PostMapping("/checks/custom/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		this.store.delete(id);
		redirect.addFlashAttribute("flashMessage", "checks.custom.flash.deleted");
		return LIST;
	}

}
