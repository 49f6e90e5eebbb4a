package dev.ballast.scan;

import java.security.Principal;
import java.util.Objects;

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
 * A cluster's scan schedule and findings retention, changed by an ADMIN. A value the schedule
 * refuses (a cron expression that does not parse) is shown on its field with the reason.
 */
@Controller
class SchedulePageController {

	private final Schedules schedules;

	SchedulePageController(Schedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/clusters/{name}/schedule")
	String show(@PathVariable String name, Model model) {
		Schedule schedule = this.schedules.get(name);
		model.addAttribute("form", ScheduleForm.of(schedule, this.schedules.defaultRetentionDays()));
		return page(schedule, model);
	}

	@PostMapping("/clusters/{name}/schedule")
	String change(@PathVariable String name, @Valid @ModelAttribute("form") ScheduleForm form, BindingResult result,
			Principal user, Model model, RedirectAttributes redirect) {
		Schedule current = this.schedules.get(name);
		if (result.hasErrors()) {
			return page(current, model);
		}
		try {
			this.schedules.update(name, Objects.requireNonNull(form.cron()), Boolean.TRUE.equals(form.enabled()),
					form.findingsRetentionDays(), user.getName());
		}
		catch (ScanProblem ex) {
			Object parameter = Objects.requireNonNull(ex.getBody().getProperties()).get("parameter");
			result.rejectValue(String.valueOf(parameter), Objects.requireNonNull(ex.getDetailMessageCode()),
					ex.getDetailMessageArguments(), null);
			return page(current, model);
		}
		redirect.addFlashAttribute("flashMessage", "scan.schedule.flash.saved");
		return "redirect:/clusters/{name}/schedule";
	}

	private String page(Schedule schedule, Model model) {
		model.addAttribute("schedule", schedule);
		model.addAttribute("defaultRetentionDays", this.schedules.defaultRetentionDays());
		return "scan/schedule";
	}

}
