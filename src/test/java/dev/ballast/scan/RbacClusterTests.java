package dev.ballast.scan;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.ClusterCredential;
import dev.ballast.cluster.ClusterRegistry;
import dev.ballast.cluster.Registration;
import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.RbacFinding;
import dev.ballast.isolation.RbacQuery;
import dev.ballast.isolation.RbacQuery.Answer;
import dev.ballast.isolation.RbacQuery.Question;
import dev.ballast.isolation.RbacReport;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RBAC on the real control plane: the cases of the Kubernetes RBAC documentation are applied, the
 * cluster is scanned through the real scan path with the read-only credential, and for every
 * question and subject Ballast's "who can" answer is compared with the API server's own
 * SubjectAccessReview for the same subject.
 */
@ControlPlaneTest
@SpringBootTest(properties = "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
class RbacClusterTests {

	/** Users, and the groups the API server gives them. */
	private static final List<Probe> PROBES = List.of(user("jane"), user("dave"), user("connie"), user("monica"),
			user("nina"), user("scott"), user("logan"), user("nora"), user("nobody"),
			new Probe("Group/rbac-managers", "rbac-probe", List.of("rbac-managers", "system:authenticated")),
			account("rbac-team", "gitlab-ci"), account("rbac-team", "default"), account("rbac-dev", "default"));

	private static final List<Question> QUESTIONS = List.of(q("get", "", "pods", "", "p", "rbac-team"),
			q("list", "", "pods", "", "", "rbac-team"), q("delete", "", "pods", "", "p", "rbac-team"),
			q("get", "", "pods", "", "p", "rbac-dev"), q("get", "", "secrets", "", "s", "rbac-dev"),
			q("get", "", "secrets", "", "s", "rbac-team"), q("list", "", "secrets", "", "", ""),
			q("get", "", "configmaps", "", "my-configmap", "rbac-team"),
			q("update", "", "configmaps", "", "my-configmap", "rbac-team"),
			q("update", "", "configmaps", "", "other", "rbac-team"), q("list", "", "configmaps", "", "", "rbac-team"),
			q("get", "", "configmaps", "", "c", "rbac-dev"), q("list", "", "services", "", "", "rbac-team"),
			q("delete", "", "services", "", "s", "rbac-team"), q("delete", "", "namespaces", "", "rbac-sandbox", ""),
			q("delete", "", "namespaces", "", "rbac-team", ""), q("delete", "apps", "deployments", "", "d", "rbac-team"),
			q("update", "apps", "deployments", "scale", "d", "rbac-team"),
			q("update", "apps", "statefulsets", "scale", "s", "rbac-dev"),
			q("update", "apps", "deployments", "", "d", "rbac-team"), q("get", "", "pods", "log", "p", "rbac-team"),
			q("create", "", "pods", "exec", "p", "rbac-team"), q("get", "", "pods", "exec", "p", "rbac-team"),
			q("list", "", "nodes", "", "", ""), q("create", "batch", "jobs", "", "", "rbac-dev"),
			q("get", "", "endpoints", "", "e", "kube-system"));

	@Autowired
	private ClusterRegistry registry;

	@Autowired
	private Scans scans;

	@Autowired
	private StoredAnalyses analyses;

	@Test
	void whoCanMatchesTheApiServer(ControlPlane plane) throws Exception {
		plane.scenario("rbac-who-can");
		awaitAggregated(plane.adminClient());
		Cluster cluster = this.registry.register(new Registration("rbac-plane", "RBAC plane",
				new ClusterCredential.Kubeconfig(Files.readString(plane.readerKubeconfig()), null), null), "admin");
		Scan scan = ScanTestSupport.awaitFinished(this.scans,
				this.scans.trigger(cluster.getName(), ScanTrigger.API, "rbac").scanId());
		// partial: the control plane serves no metrics API; the RBAC kinds must all be there
		assertThat(scan.state()).isIn(ScanState.OK, ScanState.PARTIAL);
		RbacReport rbac = this.analyses
			.latestOrProblem("rbac-plane", IsolationAnalysis.KIND, IsolationAnalysis.VERSION, IsolationReport.class)
			.document()
			.rbac();
		assertThat(rbac.missingKinds()).isEmpty();

		AuthorizationV1Api authorization = new AuthorizationV1Api(plane.adminClient());
		List<String> mismatches = new ArrayList<>();
		int allowed = 0;
		int denied = 0;
		for (Question question : QUESTIONS) {
			List<Answer> answers = RbacQuery.whoCan(rbac, question);
			for (Probe probe : PROBES) {
				boolean server = serverAllows(authorization, probe, question);
				boolean ballast = ballastAllows(answers, probe, question);
				if (server != ballast) {
					mismatches.add(probe.subject() + " " + question + ": server " + server + ", Ballast " + ballast);
				}
				allowed += server ? 1 : 0;
				denied += server ? 0 : 1;
			}
		}
		assertThat(mismatches).isEmpty();
		// a comparison worth making: both answers occur often (26 questions × 13 subjects = 338)
		assertThat(allowed).isGreaterThanOrEqualTo(25);
		assertThat(denied).isGreaterThanOrEqualTo(200);

		// the risks on a real cluster: the CI account's delete rights, Kubernetes' own marked as such
		assertThat(rbac.findings()).filteredOn((f) -> f.subject().equals("ServiceAccount/rbac-team/gitlab-ci"))
			.extracting(RbacFinding::risk)
			.contains("delete-namespaces", "cicd-delete");
		assertThat(rbac.findings()).filteredOn((f) -> f.subject().equals("User/system:kube-controller-manager"))
			.isNotEmpty()
			.allMatch(RbacFinding::system);
		assertThat(rbac.roles().get("ClusterRole/rbac-test-monitoring").rules()).isNotEmpty();
	}

	/**
	 * Whether Ballast's answer lets the subject make exactly this request. The page answers a
	 * wider question (any object when no name is given, every namespace when none is given); the
	 * API server's answer for one exact request is the part whose rule is not limited to names
	 * unless a name is given, and whose scope is cluster-wide unless a namespace is given.
	 */
	private static boolean ballastAllows(List<Answer> answers, Probe probe, Question question) {
		for (Answer answer : answers) {
			boolean mine = answer.subject().equals(probe.subject())
					|| probe.groups().stream().anyMatch((g) -> answer.subject().equals("Group/" + g));
			boolean named = question.name().isEmpty() && answer.rule() != null
					&& !answer.rule().resourceNames().isEmpty();
			boolean namespacedOnly = question.namespace().isEmpty() && !answer.scope().isEmpty()
					&& !"namespaces".equals(question.resource());
			if (mine && !named && !namespacedOnly) {
				return true;
			}
		}
		return false;
	}

	private static boolean serverAllows(AuthorizationV1Api authorization, Probe probe, Question question)
			throws Exception {
		// a request on namespace X is made in namespace X
		String namespace = "namespaces".equals(question.resource()) ? question.name() : question.namespace();
		V1ResourceAttributes attributes = new V1ResourceAttributes().verb(question.verb())
			.group(question.group())
			.resource(question.resource())
			.subresource(question.subresource())
			.name(question.name())
			.namespace(namespace);
		V1SubjectAccessReview review = new V1SubjectAccessReview().spec(new V1SubjectAccessReviewSpec()
			.user(probe.user())
			.groups(probe.groups())
			.resourceAttributes(attributes));
		return Boolean.TRUE.equals(Objects.requireNonNull(
				authorization.createSubjectAccessReview(review).execute().getStatus()).getAllowed());
	}

	/** The aggregation controller fills the aggregated role's rules a moment after it is created. */
	private static void awaitAggregated(ApiClient admin) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			V1ClusterRole role = new RbacAuthorizationV1Api(admin).readClusterRole("rbac-test-monitoring").execute();
			if (role.getRules() != null && !role.getRules().isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("rbac-test-monitoring was not aggregated within 60s");
			}
			Thread.sleep(200);
		}
	}

	private static Question q(String verb, String group, String resource, String subresource, String name,
			String namespace) {
		return new Question(verb, group, resource, subresource, name, namespace);
	}

	private static Probe user(String name) {
		return new Probe("User/" + name, name, List.of("system:authenticated"));
	}

	private static Probe account(String namespace, String name) {
		return new Probe("ServiceAccount/" + namespace + "/" + name, "system:serviceaccount:" + namespace + ":" + name,
				List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"));
	}

	/**
	 * A subject as Ballast names it and as the API server authenticates it.
	 *
	 * @param subject Ballast's reference
	 * @param user the user name
	 * @param groups the groups
	 */
	record Probe(String subject, String user, List<String> groups) {
	}

}
