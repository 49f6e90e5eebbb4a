package dev.ballast.security;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * The signed-in user's own API tokens: list, create (the value is shown once, in the response to
 * the form, and never stored in the session), revoke.
 */
@Controller
@RequestMapping("/settings/tokens")
class TokenController {

	private static final List<Integer> USUAL_VALIDITY_DAYS = List.of(7, 30, 90, 180, 365);

	private final ApiTokens tokens;

	private final SecuritySettings settings;

	TokenController(ApiTokens tokens, SecuritySettings settings) {
		this.tokens = tokens;
		this.settings = settings;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("form", new NewToken("", defaultValidityDays()));
		return page(me, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewToken form, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model) {
		if (result.hasErrors()) {
			return page(me, model);
		}
		ApiTokens.Created created = this.tokens.create(me, form, Actor.of(me, request));
		model.addAttribute("token", created.token());
		model.addAttribute("value", created.value());
		model.addAttribute("meUrl", ServletUriComponentsBuilder.fromContextPath(request).path("/api/v1/me").toUriString());
		return "security/token-created";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.tokens.revoke(me, id, Actor.of(me, request));
		redirect.addFlashAttribute("flashMessage", "security.tokens.flash.revoked");
		return "redirect:/settings/tokens";
	}

	private String page(SignedInUser me, Model model) {
		TreeSet<Integer> choices = new TreeSet<>(USUAL_VALIDITY_DAYS);
		choices.add(defaultValidityDays());
		model.addAttribute("validityDays", choices);
		model.addAttribute("tokens", this.tokens.of(me));
		model.addAttribute("now", Instant.now());
		return "security/tokens";
	}

	private int defaultValidityDays() {
		return (int) Math.min(3650, this.settings.tokens().defaultValidity().toDays());
	}

}
