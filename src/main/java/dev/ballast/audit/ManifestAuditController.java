package dev.ballast.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import dev.ballast.snapshot.ManifestException;
import dev.ballast.snapshot.ManifestProblem;
import dev.ballast.snapshot.ManifestReader;

/**
 * The audit page (VIEWER): upload manifest files or archives, or paste YAML, optionally with the
 * stored check settings of a cluster, and see the score and findings at once. Nothing is saved.
 * Bad input shows the form again with the reason and a 4xx status.
 */
@Controller
class ManifestAuditController {

	private static final String PAGE = "audit/audit";

	private final UploadAudit audit;

	private final long maxMegabytes;

	ManifestAuditController(UploadAudit audit, AuditSettings settings) {
		this.audit = audit;
		this.maxMegabytes = settings.maxUploadSize().toMegabytes();
	}

	@ModelAttribute("maxMegabytes")
	long maxMegabytes() {
		return this.maxMegabytes;
	}

	@GetMapping("/audit")
	String form(Model model) {
		model.addAttribute("form", AuditForm.empty());
		return PAGE;
	}

	@PostMapping("/audit")
	ModelAndView audit(@Validated @ModelAttribute("form") AuditForm form, BindingResult binding,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		ModelAndView page = new ModelAndView(PAGE);
		if (binding.hasErrors()) {
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		try {
			List<ManifestReader.Source> uploads = new ArrayList<>(this.audit.files(files));
			if (form.pasted()) {
				byte[] text = String.valueOf(form.manifest()).getBytes(StandardCharsets.UTF_8);
				uploads.add(new ManifestReader.Source("pasted", () -> new ByteArrayInputStream(text)));
			}
			page.addObject("result", AuditPage.of(this.audit.audit(uploads, form.cluster())));
		}
		catch (AuditRefusedException ex) {
			refused(page, ex.getStatusCode().value(), ex.getDetailMessageCode(), ex.getDetailMessageArguments(),
					ex.problems());
		}
		catch (ManifestException ex) {
			refused(page, ex.getStatusCode().value(), ex.getDetailMessageCode(), ex.getDetailMessageArguments(),
					ex.problems().stream().map(ManifestProblem::toString).toList());
		}
		return page;
	}

	private static void refused(ModelAndView page, int status, @Nullable String code, Object @Nullable [] arguments,
			List<String> problems) {
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("refusal", code);
		page.addObject("refusalArgs", arguments);
		page.addObject("problems", problems);
	}

}
