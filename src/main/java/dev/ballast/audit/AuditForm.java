package dev.ballast.audit;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/**
 * The "audit manifests" form, beside the uploaded files.
 *
 * @param manifest pasted YAML or JSON
 * @param cluster whose stored check settings apply; blank for the defaults
 */
record AuditForm(@Nullable String manifest, @Size(max = 253) @Nullable String cluster) {

	static AuditForm empty() {
		return new AuditForm("", "");
	}

	boolean pasted() {
		return this.manifest != null && !this.manifest.isBlank();
	}

}
