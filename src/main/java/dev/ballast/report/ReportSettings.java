package dev.ballast.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How reports are sent.
 *
 * @param baseUrl where Ballast is reached from a mail's links, e.g. {@code https://ballast.example.com}
 * @param defaultSmtpHost the SMTP host until an admin saves SMTP settings (the compose file's Mailpit: {@code mailpit})
 * @param defaultSmtpPort the SMTP port until an admin saves SMTP settings
 * @param defaultFrom the sender until an admin saves SMTP settings
 * @param connectTimeout how long to wait for the SMTP server's connection
 * @param readTimeout how long to wait for an SMTP answer
 * @param writeTimeout how long writing to the SMTP server may take
 * @param pollInterval how often due subscriptions and retries are looked for
 * @param minInterval a schedule may not fire more often than this
 * @param maxAttempts how often a failed delivery is tried in all
 * @param firstRetry the wait before the first retry; each next wait is five times longer
 */
@Validated
@ConfigurationProperties("ballast.report")
public record ReportSettings(@DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
		@DefaultValue("localhost") @NotBlank String defaultSmtpHost, @DefaultValue("1025") @Min(1) @Max(65535) int defaultSmtpPort,
		@DefaultValue("ballast@localhost") @NotBlank String defaultFrom, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("10s") Duration writeTimeout,
		@DefaultValue("30s") Duration pollInterval, @DefaultValue("1h") Duration minInterval,
		@DefaultValue("4") @Min(1) @Max(20) int maxAttempts, @DefaultValue("1m") Duration firstRetry) {

	/** The wait before the next try after {@code attempts} failed tries: 1 min, 5 min, 25 min, … */
	Duration backoff(int attempts) {
		Duration wait = this.firstRetry;
		for (int i = 1; i < attempts; i++) {
			wait = wait.multipliedBy(5);
		}
		return wait;
	}

}
