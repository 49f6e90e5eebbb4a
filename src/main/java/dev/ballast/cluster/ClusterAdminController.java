package dev.ballast.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering, testing and removing live clusters (ADMIN). A refused registration shows the form
 * again with the reason, and for a write-capable credential the offending permissions and the
 * override; nothing is saved until the registration succeeds.
 */
@Controller
class ClusterAdminController {

	private static final String FORM = "cluster/register";

	private final ClusterRegistry registry;

	ClusterAdminController(ClusterRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/clusters/new")
	String newCluster(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return FORM;
	}

	@PostMapping("/clusters")
	String register(@Validated @ModelAttribute("form") RegistrationForm form, BindingResult binding,
			@RequestParam(name = "kubeconfigFile", required = false) @Nullable MultipartFile file, Principal user,
			Model model, RedirectAttributes redirect) {
		RegistrationForm submitted = form;
		if (file != null && !file.isEmpty()) {
			submitted = form.withKubeconfig(read(file));
			model.addAttribute("form", submitted);
		}
		if (binding.hasErrors()) {
			return FORM;
		}
		try {
			Cluster cluster = this.registry.register(submitted.registration(), user.getName());
			redirect.addFlashAttribute("flashMessage", cluster.isWriteCapableOverride()
					? "cluster.registered.override" : "cluster.registered");
			return "redirect:/clusters/" + cluster.getName();
		}
		catch (InvalidCredentialException ex) {
			return refused(model, submitted, ex.messageCode(), ex.arguments());
		}
		catch (ClusterNameTakenException ex) {
			binding.rejectValue("name", "cluster.registration.name-taken", new Object[] { submitted.name() }, null);
			return FORM;
		}
		catch (ClusterUnreachableException ex) {
			return refused(model, submitted, "cluster.registration.unreachable." + ex.reason().name(),
					new Object[] { ex.getCause() == null ? "" : ex.getCause().getMessage() });
		}
		catch (WriteCapableCredentialException ex) {
			model.addAttribute("dangerous", ex.verdict().dangerous());
			return refused(model, submitted, "cluster.registration.write-capable",
					new Object[] { ex.verdict().dangerous().size() });
		}
	}

	@PostMapping("/clusters/{name}/test")
	String test(@PathVariable String name, RedirectAttributes redirect) {
		Cluster cluster = this.registry.retest(name);
		LastCheck check = cluster.getLastCheck();
		redirect.addFlashAttribute(check != null && check.outcome() == CheckOutcome.READ_ONLY ? "flashMessage"
				: "flashError", "cluster.tested");
		return "redirect:/clusters/" + name;
	}

	@PostMapping("/clusters/{name}/delete")
	String delete(@PathVariable String name, RedirectAttributes redirect) {
		this.registry.delete(name);
		redirect.addFlashAttribute("flashMessage", "cluster.deleted");
		return "redirect:/clusters";
	}

	private static String refused(Model model, RegistrationForm form, String code, Object[] arguments) {
		model.addAttribute("form", form);
		model.addAttribute("refusal", code);
		model.addAttribute("refusalArgs", arguments);
		model.addAttribute("contexts", form.contexts());
		return FORM;
	}

	private static String read(MultipartFile file) {
		try {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-unreadable", ex.getMessage());
		}
	}

}
