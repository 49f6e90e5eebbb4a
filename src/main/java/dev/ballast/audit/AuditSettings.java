package dev.ballast.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the audit of uploaded manifests ({@code /audit}, {@code /api/v1/audit}). Multipart
 * uploads are also bounded by {@code spring.servlet.multipart.*}, which apply to every upload.
 *
 * @param maxUploadSize the largest request body the API reads as one manifest upload (YAML,
 * JSON or an archive); a larger one is refused with a 413
 */
@Validated
@ConfigurationProperties("ballast.audit")
record AuditSettings(@DefaultValue("20MB") DataSize maxUploadSize) {
}
