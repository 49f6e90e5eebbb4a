package dev.ballast.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

	private final UserAccountRepository repository = mock(UserAccountRepository.class);

	private final UserAccounts accounts = mock(UserAccounts.class);

	@Test
	void generatesAStrongPasswordAndLogsItOnceInABox(CapturedOutput output) {
		given(this.repository.count()).willReturn(0L);
		assertThat(bootstrap(null).createAdminIfNoUsers()).isTrue();
		ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
		verify(this.accounts).create(eq("admin"), eq(Role.ADMIN), password.capture(), eq(Actor.BALLAST));
		assertThat(password.getValue()).hasSize(20);
		assertThat(PasswordPolicy.problem("admin", password.getValue())).isNull();
		assertThat(output).containsOnlyOnce(password.getValue());
		assertThat(output.toString().lines().filter((line) -> line.contains(password.getValue())))
			.singleElement()
			.satisfies((line) -> assertThat(line.strip()).startsWith("|").endsWith("|"));
		assertThat(output).contains("+-----").contains("shown only this once");
	}

	@Test
	void usesTheConfiguredPasswordWithoutLoggingIt(CapturedOutput output) {
		given(this.repository.count()).willReturn(0L);
		assertThat(bootstrap("configured-password-1").createAdminIfNoUsers()).isTrue();
		verify(this.accounts).create("admin", Role.ADMIN, "configured-password-1", Actor.BALLAST);
		assertThat(output).doesNotContain("configured-password-1").contains("ballast.security.admin-password");
	}

	@Test
	void doesNothingOnceAnyUserExists(CapturedOutput output) {
		given(this.repository.count()).willReturn(1L);
		assertThat(bootstrap("configured-password-1").createAdminIfNoUsers()).isFalse();
		verify(this.accounts, never()).create(anyString(), any(), anyString(), any());
		assertThat(output).doesNotContain("admin");
	}

	@Test
	void toleratesAnotherInstanceCreatingTheAdminFirst() {
		given(this.repository.count()).willReturn(0L);
		given(this.accounts.create(anyString(), any(), anyString(), any()))
			.willThrow(UserChangeRefusedException.usernameTaken());
		assertThat(bootstrap(null).createAdminIfNoUsers()).isFalse();
	}

	private AdminBootstrap bootstrap(String adminPassword) {
		SecuritySettings settings = new SecuritySettings(adminPassword,
				new SecuritySettings.Login(5, Duration.ofMinutes(5)),
				new SecuritySettings.Tokens(Duration.ofDays(90), 20, Duration.ofMinutes(5)));
		return new AdminBootstrap(this.repository, this.accounts, settings);
	}

}
