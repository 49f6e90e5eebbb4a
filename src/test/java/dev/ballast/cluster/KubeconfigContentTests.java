package dev.ballast.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A kubeconfig is checked before client-java sees it; every refusal names what is wrong.
 */
class KubeconfigContentTests {

	static final String VALID = """
			apiVersion: v1
			kind: Config
			clusters:
			- name: c
			  cluster: {server: "https://127.0.0.1:6443"}
			users:
			- name: u
			  user: {token: abc}
			contexts:
			- name: ctx
			  context: {cluster: c, user: u}
			current-context: ctx
			""";

	@Test
	void acceptsAKubeconfig() {
		assertThatCode(() -> KubeconfigContent.validate(VALID)).doesNotThrowAnyException();
	}

	@Test
	void refusesAYamlBomb() {
		String bomb = """
				a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
				b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
				c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
				d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
				e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
				clusters: [*e]
				contexts: []
				""";
		assertRefused(bomb, "cluster.credential.kubeconfig-unreadable");
	}

	@Test
	void refusesBinaryEmptyOversizedAndOtherYaml() {
		assertRefused("\0\1\2binary", "cluster.credential.kubeconfig-binary");
		assertRefused("  \n", "cluster.credential.kubeconfig-empty");
		assertRefused("x".repeat(KubeconfigContent.MAX_BYTES + 1), "cluster.credential.kubeconfig-too-large");
		assertRefused("kind: Deployment\nmetadata: {name: x}\n", "cluster.credential.kubeconfig-not-kubeconfig");
	}

	@Test
	void namesTheLineOfASyntaxError() {
		assertThatThrownBy(() -> KubeconfigContent.validate("clusters:\n  - name: a\n   bad: [\n"))
			.isInstanceOfSatisfying(InvalidCredentialException.class, (ex) -> {
				org.assertj.core.api.Assertions.assertThat(ex.messageCode()).isEqualTo("cluster.credential.kubeconfig-syntax");
				org.assertj.core.api.Assertions.assertThat(ex.arguments()[0]).isInstanceOf(Integer.class);
			});
	}

	private static void assertRefused(String content, String code) {
		assertThatThrownBy(() -> KubeconfigContent.validate(content)).isInstanceOfSatisfying(
				InvalidCredentialException.class,
				(ex) -> org.assertj.core.api.Assertions.assertThat(ex.messageCode()).isEqualTo(code));
	}

}
