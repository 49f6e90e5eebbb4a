package dev.ballast.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SecuritySettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		// as in application.properties
		.withPropertyValues("ballast.security.admin-password=${BALLAST_ADMIN_PASSWORD:}");

	@Test
	void hasSafeDefaults() {
		this.runner.run((context) -> {
			SecuritySettings settings = context.getBean(SecuritySettings.class);
			assertThat(settings.adminPassword()).isNull();
			assertThat(settings.login().maxFailures()).isEqualTo(5);
			assertThat(settings.login().window()).isEqualTo(Duration.ofMinutes(5));
			assertThat(settings.tokens().defaultValidity()).isEqualTo(Duration.ofDays(90));
			assertThat(settings.tokens().maxFailures()).isEqualTo(20);
		});
	}

	@Test
	void takesTheAdminPasswordFromBallastAdminPassword() {
		this.runner.withPropertyValues("BALLAST_ADMIN_PASSWORD=from-the-environment")
			.run((context) -> assertThat(context.getBean(SecuritySettings.class).adminPassword())
				.isEqualTo("from-the-environment"));
	}

	@Test
	void refusesToStartWithAShortAdminPassword() {
		this.runner.withPropertyValues("BALLAST_ADMIN_PASSWORD=short")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("adminPassword"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecuritySettings.class)
	static class Settings {

	}

}
