package dev.ballast.checks;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks over the API: the catalogue, settings, exemptions and custom checks (reading VIEWER,
 * changing OPERATOR), and testing an expression on a sample object. Refusals are RFC 9457 problem
 * details ({@link CheckRequestException}).
 */
@RestController
@RequestMapping("/api/v1/checks")
class ChecksApiController {

	private final SettingStore settings;

	private final ExemptionStore exemptions;

	private final CustomCheckStore custom;

	ChecksApiController(SettingStore settings, ExemptionStore exemptions, CustomCheckStore custom) {
		this.settings = settings;
		this.exemptions = exemptions;
		this.custom = custom;
	}

	@GetMapping
	List<CheckDefinition> catalogue() {
		return CheckEngine.standard().catalogue();
	}

	@GetMapping("/settings")
	List<SettingStore.StoredSetting> settings() {
		return this.settings.all();
	}

	@PutMapping("/settings")
	SettingStore.SettingChange change(@Validated @RequestBody SettingForm form, Principal user) {
		return this.settings.change(form, user.getName());
	}

	@GetMapping("/exemptions")
	List<ExemptionView> exemptions() {
		return this.exemptions.all().stream().map(ExemptionView::of).toList();
	}

	@PostMapping("/exemptions")
	ResponseEntity<ExemptionView> exempt(@Validated @RequestBody ExemptionForm form, Principal user) {
		ExemptionStore.StoredExemption created = this.exemptions.create(form, user.getName());
		return ResponseEntity.created(URI.create("/api/v1/checks/exemptions/" + created.id()))
			.body(ExemptionView.of(created));
	}

	@DeleteMapping("/exemptions/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, Principal user) {
		this.exemptions.revoke(id, user.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/custom")
	List<CustomCheckStore.StoredCustomCheck> customChecks() {
		return this.custom.all();
	}

	@PostMapping("/custom")
	ResponseEntity<CustomCheckStore.StoredCustomCheck> save(@Validated @RequestBody CustomCheckForm form,
			Principal user) {
		boolean create = this.custom.find(String.valueOf(form.id()).strip()).isEmpty();
		CustomCheckStore.StoredCustomCheck saved = this.custom.save(form, create, user.getName());
		return ResponseEntity.status(create ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
	}

	@DeleteMapping("/custom/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.custom.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Compiles an expression and evaluates it on a sample: 422 with position if it does not compile. */
	@PostMapping("/custom/test")
	CustomCheckTrials.TestResult test(@RequestBody TestRequest request) {
		CustomCheckForm form = new CustomCheckForm("test", "test", Category.OPERATIONS, Severity.INFO, "",
				request.expression(), null, request.sample(), null);
		CustomCheckTrials.Outcome outcome = CustomCheckTrials.test(form);
		if (outcome.invalid() != null) {
			throw CheckRequestException.invalidExpression(outcome.invalid());
		}
		return outcome.result();
	}

	/**
	 * An expression and a sample object (YAML or JSON text).
	 */
	record TestRequest(@Nullable String expression, @Nullable String sample) {
	}

	/**
	 * An exemption as the API shows it.
	 */
	record ExemptionView(long id, String cluster, @Nullable String namespace, @Nullable String kind,
			@Nullable String name, String checkId, String reason, String createdBy, Instant createdAt, Instant until,
			@Nullable String revokedBy, @Nullable Instant revokedAt, String status) {

		static ExemptionView of(ExemptionStore.StoredExemption e) {
			return new ExemptionView(e.id(), e.cluster(), e.namespace(), e.kind(), e.name(), e.checkId(), e.reason(),
					e.createdBy(), e.createdAt(), e.until(), e.revokedBy(), e.revokedAt(), e.status());
		}

	}

}
