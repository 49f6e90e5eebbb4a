package dev.ballast.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.ballast.isolation.RbacQuery.Answer;
import dev.ballast.isolation.RbacQuery.Question;
import dev.ballast.snapshot.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The risky rights, each held by one subject and missed by a close one, and the demo cluster's
 * answers.
 */
class RbacRisksTests {

	private final RbacReport risks = read("/fixtures/isolation/rbac-risks.yaml");

	@Test
	void clusterWideRisksNeedAClusterRoleBinding() {
		assertThat(risksOf(this.risks, "User/rita")).contains("impersonate", "escalate", "bind", "exec-pods",
				"create-tokens", "nodes-proxy", "create-pods-kube-system");
		// the same role bound in namespace apps: only the namespaced risks remain
		assertThat(risksOf(this.risks, "User/nate")).containsExactlyInAnyOrder("escalate", "bind", "exec-pods",
				"create-tokens");
	}

	@Test
	void podsInKubeSystemThroughARoleBindingThere() {
		assertThat(risksOf(this.risks, "User/kim")).contains("create-pods-kube-system");
		assertThat(risksOf(this.risks, "User/nate")).doesNotContain("create-pods-kube-system");
	}

	@Test
	void readingAndListingIsNoRisk() {
		// get/list on users, pods, pods/log, nodes; get/update clusterroles: neither impersonate nor escalate
		assertThat(risksOf(this.risks, "User/hal")).isEmpty();
	}

	@Test
	void execThroughAWebSocketNeedsOnlyGet() {
		assertThat(risksOf(this.risks, "User/gina")).containsExactly("exec-pods");
		// hal may get pods/log, which is no exec
		assertThat(risksOf(this.risks, "User/hal")).doesNotContain("exec-pods");
	}

	@Test
	void approvingCsrsNeedsBothRights() {
		assertThat(risksOf(this.risks, "User/carl")).containsExactly("approve-csr");
		assertThat(risksOf(this.risks, "User/cora")).isEmpty();
	}

	@Test
	void secretsOfOneNameAreStillARiskNamingThem() {
		RbacFinding finding = this.risks.findings()
			.stream()
			.filter((f) -> f.subject().equals("ServiceAccount/apps/tekton-bot") && f.risk().equals("read-secrets"))
			.findFirst()
			.orElseThrow();
		assertThat(finding.resourceNames()).containsExactly("tls");
		assertThat(finding.scope()).isEqualTo("apps");
	}

	@Test
	void imagePullAccountsMayOnlyGetSecrets() {
		// image-puller holds get on Secret tls only: pull rights, no excess; registry-puller in the demo holds edit
		assertThat(risksOf(this.risks, "ServiceAccount/apps/image-puller")).containsExactly("read-secrets");
		assertThat(risksOf(demo(), "ServiceAccount/shop/registry-puller")).contains("image-pull-excess",
				"read-secrets", "delete-workloads");
	}

	@Test
	void ciAccountsWithoutDeleteAreNoCicdRisk() {
		assertThat(risksOf(this.risks, "ServiceAccount/apps/tekton-bot")).doesNotContain("cicd-delete");
		// the seed's outage: gitlab-ci may delete namespaces and workloads cluster-wide, and its
		// create on deployments and jobs everywhere includes kube-system
		assertThat(risksOf(demo(), "ServiceAccount/default/gitlab-ci")).containsExactlyInAnyOrder("delete-namespaces",
				"delete-workloads", "create-pods-kube-system", "cicd-delete");
	}

	@Test
	void kubernetesOwnControllersAreMarkedSystem() {
		assertThat(this.risks.findings())
			.filteredOn((f) -> f.subject().equals("ServiceAccount/kube-system/namespace-controller"))
			.isNotEmpty()
			.allMatch(RbacFinding::system);
		assertThat(this.risks.findings()).filteredOn((f) -> f.subject().equals("User/rita")).noneMatch(RbacFinding::system);
		// a right given to every authenticated user is no system matter
		assertThat(this.risks.findings()).filteredOn((f) -> f.subject().equals("Group/system:authenticated"))
			.extracting(RbacFinding::risk, RbacFinding::system)
			.containsExactly(tuple("read-secrets", false));
	}

	@Test
	void demoClusterAnswersWhoCanDeleteANamespace() {
		RbacReport demo = demo();
		// alice (cluster-admin), gitlab-ci (ci-deployer: delete namespaces), and system:masters
		assertThat(RbacQuery.whoCan(demo, new Question("delete", "", "namespaces", "", "shop", "")))
			.extracting(Answer::subject, Answer::binding)
			.containsExactly(tuple("Group/system:masters", ""),
					tuple("ServiceAccount/default/gitlab-ci", "ClusterRoleBinding/gitlab-ci-deployer"),
					tuple("User/alice@example.com", "ClusterRoleBinding/ops-admin"));
		// risky subjects of the demo, Kubernetes' own hidden: alice, gitlab-ci, registry-puller
		assertThat(demo.findings()
			.stream()
			.filter((f) -> !f.system())
			.map(RbacFinding::subject)
			.distinct()).containsExactlyInAnyOrder("User/alice@example.com", "ServiceAccount/default/gitlab-ci",
					"ServiceAccount/shop/registry-puller");
		assertThat(risksOf(demo, "User/alice@example.com")).contains("cluster-admin", "delete-namespaces",
				"read-secrets", "impersonate");
		assertThat(risksOf(demo, "Group/shop-developers")).isEmpty();
		assertThat(demo.serviceAccounts()).isEqualTo(15);
	}

	@Test
	void theDocumentSurvivesJson() {
		JsonMapper json = JsonMapper.builder().build();
		RbacReport demo = demo();
		String text = json.writeValueAsString(demo);
		assertThat(json.readValue(text, RbacReport.class)).isEqualTo(demo);
		// records only: no derived property such as a subject's ref is stored
		assertThat(text).doesNotContain("\"ref\"");
	}

	private static List<String> risksOf(RbacReport report, String subject) {
		return report.findings().stream().filter((f) -> f.subject().equals(subject)).map(RbacFinding::risk).distinct()
			.toList();
	}

	static RbacReport demo() {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/demo"))) {
			List<Path> paths = files.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
			return RbacResolver.resolve(new ManifestReader().read("demo", paths), RbacAccounts.DEFAULT);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RbacReport read(String resource) {
		try (InputStream in = RbacRisksTests.class.getResourceAsStream(resource)) {
			return RbacResolver.resolve(new ManifestReader().read("risks", resource, in), RbacAccounts.DEFAULT);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
