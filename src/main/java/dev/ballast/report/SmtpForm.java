package dev.ballast.report;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The SMTP settings form. A blank password keeps the stored one; {@code clearPassword} removes it.
 */
record SmtpForm(@NotBlank @Size(max = 255) @Nullable String host, @NotNull @Min(1) @Max(65535) @Nullable Integer port,
		@NotNull @Nullable SmtpSecurity security, @Size(max = 255) @Nullable String username,
		@Size(max = 500) @Nullable String password, @Nullable Boolean clearPassword,
		@NotBlank @Size(max = 320) @Nullable String from) {

	static SmtpForm of(SmtpSettings settings) {
		return new SmtpForm(settings.host(), settings.port(), settings.security(), settings.username(), null, false,
				settings.from());
	}

}
