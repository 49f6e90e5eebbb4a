package dev.ballast.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest(name = "{1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
			alice | eleven-char | security.password.too-short
			alice | aaaaaaaaaaaaaaaaaaaa | security.password.too-simple
			alice | abababababababab | security.password.too-simple
			alice | my-ALICE-password-99 | security.password.contains-username
			alice | 这是一个非常非常长的中文密码短语用来测试字节数限制的情况 | security.password.too-long
			alice | correct horse battery staple | ok
			alice | 一二三四五六七八九十百千 | ok
			""")
	void judgesPasswords(String username, String password, String expectedProblem) {
		assertThat(PasswordPolicy.problem(username, password)).isEqualTo(expectedProblem);
	}

}
