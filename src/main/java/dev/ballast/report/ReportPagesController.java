package dev.ballast.report;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;

/**
 * Report subscriptions for an ADMIN: the list (next run, last delivery), the form to add or change
 * one (a field the rules refuse shows why), removing one, "send now" (the outcome as a flash
 * message) and the delivery log.
 */
@Controller
class ReportPagesController {

	static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final Subscriptions subscriptions;

	private final SubscriptionRules rules;

	private final Deliveries deliveries;

	private final ReportDispatcher dispatcher;

	private final Clusters clusters;

	private final Clock clock;

	ReportPagesController(Subscriptions subscriptions, SubscriptionRules rules, Deliveries deliveries,
			ReportDispatcher dispatcher, Clusters clusters, Clock reportClock) {
		this.subscriptions = subscriptions;
		this.rules = rules;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.clusters = clusters;
		this.clock = reportClock;
	}

	@GetMapping("/reports")
	String list(Model model) {
		model.addAttribute("rows", this.subscriptions.rows());
		model.addAttribute("delivery", flashedDelivery(model, this.deliveries));
		return "report/subscriptions";
	}

	@GetMapping("/reports/new")
	String create(Model model) {
		model.addAttribute("form", SubscriptionForm.blank());
		return form(null, model);
	}

	@GetMapping("/reports/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", SubscriptionForm.of(this.subscriptions.get(id)));
		return form(id, model);
	}

	@PostMapping("/reports")
	String add(@ModelAttribute("form") SubscriptionForm form, BindingResult result, Principal user, Model model,
			RedirectAttributes redirect) {
		Instant now = Instant.now(this.clock);
		SubscriptionRules.Draft draft = check(form, result, now);
		if (draft == null) {
			return form(null, model);
		}
		this.subscriptions.create(draft, user.getName(), now);
		redirect.addFlashAttribute("flashMessage", "report.subscription.flash.created");
		return "redirect:/reports";
	}

	@PostMapping("/reports/{id}")
	String change(@PathVariable long id, @ModelAttribute("form") SubscriptionForm form, BindingResult result,
			Principal user, Model model, RedirectAttributes redirect) {
		this.subscriptions.get(id);
		Instant now = Instant.now(this.clock);
		SubscriptionRules.Draft draft = check(form, result, now);
		if (draft == null) {
			return form(id, model);
		}
		this.subscriptions.update(id, draft, user.getName(), now);
		redirect.addFlashAttribute("flashMessage", "report.subscription.flash.saved");
		return "redirect:/reports";
	}

	@PostMapping("/reports/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.subscriptions.delete(id);
		redirect.addFlashAttribute("flashMessage", "report.subscription.flash.deleted");
		return "redirect:/reports";
	}

	@PostMapping("/reports/{id}/send")
	String send(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("deliveryId", this.dispatcher.sendNow(id, user.getName()).id());
		return "redirect:/reports";
	}

	@GetMapping("/reports/deliveries")
	String deliveries(Model model) {
		model.addAttribute("deliveries", this.deliveries.recent(null, 500));
		return "report/deliveries";
	}

	/** The delivery a send-now or test mail just made (its id is flashed; sessions keep only plain values). */
	static @Nullable Delivery flashedDelivery(Model model, Deliveries deliveries) {
		Object id = model.getAttribute("deliveryId");
		return (id instanceof Long deliveryId) ? deliveries.find(deliveryId).orElse(null) : null;
	}

	private SubscriptionRules.@Nullable Draft check(SubscriptionForm form,
			BindingResult result, Instant now) {
		SubscriptionRules.Checked checked = this.rules.check(form, now);
		for (SubscriptionRules.Issue issue : checked.issues()) {
			result.rejectValue(issue.field(), issue.code(), issue.arguments(), null);
		}
		return checked.draft();
	}

	private String form(@Nullable Long id, Model model) {
		model.addAttribute("subscriptionId", id);
		model.addAttribute("clusterNames", this.clusters.all().stream().map(Cluster::getName).sorted().toList());
		model.addAttribute("allSections", ReportSection.values());
		model.addAttribute("zones", ZONES);
		return "report/subscription-form";
	}

}
