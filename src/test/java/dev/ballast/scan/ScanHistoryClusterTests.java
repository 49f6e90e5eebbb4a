package dev.ballast.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReviewSpec;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.ballast.cluster.CheckOutcome;
import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.ClusterCredential;
import dev.ballast.cluster.ClusterRegistry;
import dev.ballast.cluster.Registration;
import dev.ballast.security.Role;
import dev.ballast.security.SignedInUser;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;
import dev.ballast.testcluster.ScenarioLoader;
import dev.ballast.testcluster.SimulatedKubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scan history of the real control plane on embedded PostgreSQL, through the API: two scans of
 * an unchanged cluster differ in nothing; after one workload is fixed, one broken and one swapped
 * for its twin, the diff, the findings filters and the namespace scores say exactly that; trends
 * count the scans. A scan whose credential was revoked, or became able to write, fails with the
 * reason and leaves no history; a write-capable credential an administrator accepted is scanned
 * with a warning.
 */
@ControlPlaneTest
@SpringBootTest(properties = "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanHistoryClusterTests {

	private static final String FIX = "scan-history-fix";

	private static final String BREAK = "scan-history-break";

	private static final String CHURN = "scan-history-churn";

	private static final Set<String> NAMESPACES = Set.of(FIX, BREAK, CHURN);

	private static final List<String> HISTORY_TABLES = List.of("scan_finding", "scan_workload_score",
			"scan_namespace_score", "scan_check_rollup");

	/** The landed scans of cluster {@code plane}, in order. */
	private static final List<Long> planeScans = new ArrayList<>();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private ClusterRegistry registry;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void twoScansOfAnUnchangedClusterDifferInNothing(ControlPlane plane) throws Exception {
		plane.scenario("scan-history");
		awaitRolledOut(plane);
		Cluster cluster = this.registry.register(new Registration("plane", "Control plane",
				new ClusterCredential.Kubeconfig(Files.readString(plane.readerKubeconfig()), null), null), "admin");
		assertThat(cluster.getLastCheck().outcome()).isEqualTo(CheckOutcome.READ_ONLY);

		long first = start("plane");
		boolean seenListing = false;
		Map<String, Object> progress;
		do {
			progress = read(get("/api/v1/scans/" + first + "/progress"));
			seenListing |= "snapshot".equals(progress.get("phase")) && (int) progress.get("kindsTotal") > 0;
			Thread.sleep(5);
		}
		while ("running".equals(progress.get("state")));
		assertThat(progress.get("state")).isEqualTo("partial");
		assertThat(progress.get("phase")).isEqualTo("done");
		assertThat((int) progress.get("kindsTotal")).isPositive().isEqualTo(progress.get("kindsDone"));
		assertThat((int) progress.get("objects")).isPositive();
		assertThat(seenListing).as("progress showed the snapshot listing kinds").isTrue();
		Scan one = this.scans.get(first);
		// metrics.k8s.io is not served by the bare control plane: the only gaps
		assertThat(one.gaps()).extracting(Scan.ScanGap::kind).containsExactlyInAnyOrder("NodeMetrics", "PodMetrics");
		assertThat(one.result().workloads()).isGreaterThanOrEqualTo(4);
		planeScans.add(first);

		long second = finished(start("plane")).id();
		planeScans.add(second);
		Map<String, Object> diff = read(get("/api/v1/scans/" + second + "/diff"));
		assertThat(((Number) JsonPath.read(diff, "$.base.id")).longValue()).isEqualTo(first);
		assertThat((List<?>) diff.get("newFindings")).isEmpty();
		assertThat((List<?>) diff.get("fixedFindings")).isEmpty();
		assertThat((List<?>) diff.get("workloadsAdded")).isEmpty();
		assertThat((List<?>) diff.get("workloadsRemoved")).isEmpty();
		assertThat(diff.get("unchanged")).isEqualTo(failing(second)).isEqualTo(failing(first));
		assertThat(diff.get("scoreChange")).isEqualTo(0);
		List<Integer> changes = JsonPath.read(diff, "$.namespaces[*].change");
		assertThat(changes).isNotEmpty().containsOnly(0);
	}

	@Test
	@Order(2)
	void theDiffListsExactlyWhatWasFixedAndBroken(ControlPlane plane) throws Exception {
		long second = planeScans.get(1);
		Set<Finding> leaver = findings(get("/api/v1/findings").param("scan", String.valueOf(second))
			.param("namespace", CHURN)
			.param("workload", "leaver"));
		assertThat(leaver).isNotEmpty();
		Map<String, Integer> before = namespaceScores(second);

		new ScenarioLoader(plane.adminClient()).load("scan-history",
				Path.of(getClass().getClassLoader().getResource("cluster-scenarios/scan-history-changes").toURI()));
		new DynamicKubernetesApi("batch", "v1beta1", "cronjobs", plane.adminClient()).delete(CHURN, "leaver")
			.throwsApiException();
		awaitRolledOut(plane);
		long third = finished(start("plane")).id();
		planeScans.add(third);

		Set<Finding> fixed = new HashSet<>(leaver);
		for (String check : List.of("readiness-probe-missing", "liveness-probe-missing", "cpu-request-missing",
				"memory-request-missing", "memory-limit-missing")) {
			fixed.add(new Finding("Deployment", FIX, "fixme", check, "app", path(check)));
		}
		Set<Finding> added = new HashSet<>();
		added.add(new Finding("Deployment", BREAK, "breakme", "privileged", "app",
				"spec.template.spec.containers[0].securityContext.privileged"));
		leaver.forEach((finding) -> added.add(finding.named("newcomer")));

		Map<String, Object> diff = read(get("/api/v1/scans/" + third + "/diff").param("base", String.valueOf(second)));
		assertThat(listed(JsonPath.read(diff, "$.newFindings"))).isEqualTo(added);
		assertThat(listed(JsonPath.read(diff, "$.fixedFindings"))).isEqualTo(fixed);
		assertThat(diff.get("unchanged")).isEqualTo(failing(second) - fixed.size())
			.isEqualTo(failing(third) - added.size());
		assertThat((List<Map<String, Object>>) JsonPath.read(diff, "$.workloadsAdded"))
			.containsExactly(Map.of("kind", "CronJob", "namespace", CHURN, "name", "newcomer"));
		assertThat((List<Map<String, Object>>) JsonPath.read(diff, "$.workloadsRemoved"))
			.containsExactly(Map.of("kind", "CronJob", "namespace", CHURN, "name", "leaver"));
		assertThat(diff.get("scoreChange"))
			.isEqualTo(this.scans.get(third).result().score() - this.scans.get(second).result().score());

		Map<String, Integer> after = namespaceScores(third);
		Map<String, Integer> changes = new TreeMap<>();
		List<Map<String, Object>> namespaces = JsonPath.read(diff, "$.namespaces");
		namespaces.forEach((row) -> changes.put((String) row.get("namespace"), (Integer) row.get("change")));
		assertThat(changes).containsOnlyKeys(after.keySet());
		changes.forEach((namespace, change) -> assertThat(change).as(namespace)
			.isEqualTo(after.get(namespace) - before.get(namespace)));
		assertThat(changes.get(FIX)).isPositive();
		assertThat(changes.get(BREAK)).isNegative();
		changes.forEach((namespace, change) -> {
			if (!namespace.equals(FIX) && !namespace.equals(BREAK)) {
				assertThat(change).as(namespace).isZero();
			}
		});

		String scan = String.valueOf(third);
		assertThat(findings(get("/api/v1/findings").param("scan", scan).param("state", "new").param("limit", "1000")))
			.isEqualTo(added);
		assertThat(findings(get("/api/v1/findings").param("scan", scan).param("state", "fixed").param("limit", "1000")))
			.isEqualTo(fixed);
		assertThat(findings(get("/api/v1/findings").param("cluster", "plane").param("state", "new")
			.param("namespace", BREAK))).containsExactly(added.stream()
				.filter((finding) -> finding.namespace().equals(BREAK))
				.toArray(Finding[]::new));
	}

	@Test
	@Order(3)
	void trendsCountTheScansAndEndWithTheLastScore() throws Exception {
		assertThat(planeScans).hasSize(3);
		for (String namespace : List.of(FIX, BREAK, CHURN)) {
			Map<Long, Map<String, Object>> rows = new TreeMap<>();
			for (long id : planeScans) {
				List<Map<String, Object>> scores = readList(get("/api/v1/scores").param("scan", String.valueOf(id))
					.param("level", "namespace")
					.param("namespace", namespace));
				assertThat(scores).hasSize(1);
				rows.put(id, scores.get(0));
			}
			assertTrend(readList(get("/api/v1/trends").param("cluster", "plane")
				.param("namespace", namespace)
				.param("step", "hour")), rows);
		}
		Map<Long, Map<String, Object>> clusterRows = new TreeMap<>();
		for (long id : planeScans) {
			Scan.Result result = this.scans.get(id).result();
			clusterRows.put(id, Map.of("score", result.score(), "dangers", result.dangers(), "warnings",
					result.warnings()));
		}
		assertTrend(readList(get("/api/v1/trends").param("cluster", "plane").param("step", "hour")), clusterRows);
	}

	/**
	 * Asserts trend points against the scans' own scores: one point per hour that had scans, with
	 * their count, mean, lowest and highest score, and the counts of the hour's last scan.
	 */
	private void assertTrend(List<Map<String, Object>> points, Map<Long, Map<String, Object>> byScan) {
		Map<Instant, List<Long>> hours = new TreeMap<>();
		byScan.keySet().forEach((id) -> hours.computeIfAbsent(this.scans.get(id).startedAt()
			.truncatedTo(ChronoUnit.HOURS), (hour) -> new ArrayList<>()).add(id));
		assertThat(points).hasSize(hours.size());
		assertThat(points.stream().mapToInt((point) -> (int) point.get("scans")).sum()).isEqualTo(byScan.size());
		int i = 0;
		for (Map.Entry<Instant, List<Long>> hour : hours.entrySet()) {
			Map<String, Object> point = points.get(i++);
			List<Integer> scores = hour.getValue().stream().map((id) -> (Integer) byScan.get(id).get("score")).toList();
			long last = hour.getValue().get(hour.getValue().size() - 1);
			assertThat(Instant.parse((String) point.get("at"))).isEqualTo(hour.getKey());
			assertThat(point.get("scans")).isEqualTo(scores.size());
			assertThat(point.get("score")).isEqualTo(
					(int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow()));
			assertThat(point.get("minScore")).isEqualTo(scores.stream().mapToInt(Integer::intValue).min().orElseThrow());
			assertThat(point.get("maxScore")).isEqualTo(scores.stream().mapToInt(Integer::intValue).max().orElseThrow());
			assertThat(((Number) point.get("lastScanId")).longValue()).isEqualTo(last);
			assertThat(point.get("dangers")).isEqualTo(byScan.get(last).get("dangers"));
			assertThat(point.get("warnings")).isEqualTo(byScan.get(last).get("warnings"));
		}
		Map<String, Object> end = points.get(points.size() - 1);
		assertThat(((Number) end.get("lastScanId")).longValue()).isEqualTo(planeScans.get(2));
	}

	@Test
	@Order(4)
	void aScanWhoseCredentialWasRevokedFailsAndLeavesNothing(ControlPlane plane) throws Exception {
		String token = plane.serviceAccountToken("scan-revoked", "ballast", readOnlyRules());
		register(plane, "revoked", token);
		Scan landed = finished(start("revoked"));
		assertThat(landed.state().landed()).isTrue();
		Map<String, Integer> history = historyRows();

		new CoreV1Api(plane.adminClient()).deleteNamespacedServiceAccount("ballast", "scan-revoked").execute();
		awaitRefused(plane, token);
		Scan failed = finished(start("revoked"));

		assertThat(failed.state()).isEqualTo(ScanState.FAILED);
		assertThat(failed.error()).contains("self-check of revoked could not be made", "refused the credential (401)");
		assertThat(failed.result()).isNull();
		assertNothingStored(failed.id());
		assertThat(historyRows()).isEqualTo(history);
		assertThat(read(get("/api/v1/scans/" + failed.id() + "/progress"))).containsEntry("state", "failed")
			.containsEntry("error", failed.error());
		assertThat(this.scans.get(landed.id())).isEqualTo(landed);
	}

	@Test
	@Order(4)
	void aCredentialThatCanReadNoWorkloadsFailsTheScanInsteadOfLandingEmpty(ControlPlane plane) throws Exception {
		String token = plane.serviceAccountToken("scan-blind", "ballast", List.of());
		register(plane, "blind", token);
		Map<String, Integer> history = historyRows();

		Scan failed = finished(start("blind"));

		assertThat(failed.state()).isEqualTo(ScanState.FAILED);
		assertThat(failed.error()).contains("could read none of the workload kinds", "Deployment: forbidden",
				"Pod: forbidden");
		assertNothingStored(failed.id());
		assertThat(historyRows()).isEqualTo(history);
	}

	@Test
	@Order(5)
	void aWriteCapableCredentialAcceptedByAnAdministratorIsScannedWithAWarning(ControlPlane plane) throws Exception {
		this.registry.register(new Registration("plane-override", "", new ClusterCredential.Kubeconfig(
				Files.readString(plane.adminKubeconfig()), null), "lab cluster, no read-only account yet"), "admin");
		Scan scan = finished(start("plane-override"));
		assertThat(scan.state().landed()).as(String.valueOf(scan.error())).isTrue();
		assertThat(scan.warnings()).anySatisfy((warning) -> assertThat(warning).contains("can do more than read",
				"dangerous permissions", "admin accepted it: lab cluster, no read-only account yet"));
	}

	@Test
	@Order(6)
	void aCredentialThatBecameWriteCapableIsRefusedAtScanTime(ControlPlane plane) throws Exception {
		String token = plane.serviceAccountToken("scan-grown", "ballast", readOnlyRules());
		register(plane, "grown", token);
		Map<String, Integer> history = historyRows();
		new RbacAuthorizationV1Api(plane.adminClient()).createClusterRoleBinding(new V1ClusterRoleBinding()
			.metadata(new V1ObjectMeta().name("scan-grown-edit"))
			.roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name("edit"))
			.subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name("ballast").namespace("scan-grown"))))
			.execute();
		awaitAllowed(plane, token, "secrets");

		Scan refused = finished(start("grown"));

		assertThat(refused.state()).isEqualTo(ScanState.FAILED);
		assertThat(refused.error()).contains("grown", "can do more than read", "dangerous permissions, such as",
				"get secrets (cluster-wide)");
		assertNothingStored(refused.id());
		assertThat(historyRows()).isEqualTo(history);
	}

	private void register(ControlPlane plane, String name, String token) throws Exception {
		Cluster cluster = this.registry.register(new Registration(name, "", new ClusterCredential.Token(plane.apiUrl(),
				token, Files.readString(Path.of(plane.env("KUBE_CA_FILE")))), null), "admin");
		assertThat(cluster.getLastCheck().outcome()).isEqualTo(CheckOutcome.READ_ONLY);
	}

	/** Get, list and watch on what Ballast reads, as the reader of start.sh. */
	private static List<V1PolicyRule> readOnlyRules() {
		return List.of(new V1PolicyRule().apiGroups(List.of(""))
			.resources(List.of("nodes", "namespaces", "pods", "services", "endpoints", "configmaps", "serviceaccounts",
					"limitranges", "resourcequotas"))
			.verbs(List.of("get", "list", "watch")),
				new V1PolicyRule().apiGroups(List.of("apps", "batch", "policy", "autoscaling", "scheduling.k8s.io",
						"rbac.authorization.k8s.io", "discovery.k8s.io", "networking.k8s.io"))
					.resources(List.of("*"))
					.verbs(List.of("get", "list", "watch")));
	}

	private long start(String cluster) throws Exception {
		Map<String, Object> answer = read(post("/api/v1/clusters/" + cluster + "/scans").with(csrf()), Role.OPERATOR,
				202);
		assertThat(answer.get("joined")).isEqualTo(false);
		return ((Number) JsonPath.read(answer, "$.scan.id")).longValue();
	}

	private Scan finished(long id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			Scan scan = this.scans.get(id);
			if (scan.state().finished()) {
				return scan;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("scan " + id + " did not finish within two minutes");
	}

	/** Failing findings of a scan that count (not exempted). */
	private int failing(long scanId) {
		return this.jdbc.sql("SELECT count(*) FROM scan_finding WHERE scan_id = ? AND exempt_source IS NULL")
			.param(scanId)
			.query(Integer.class)
			.single();
	}

	private Map<String, Integer> namespaceScores(long scanId) throws Exception {
		List<Map<String, Object>> rows = readList(get("/api/v1/scores").param("scan", String.valueOf(scanId))
			.param("level", "namespace"));
		return rows.stream().collect(Collectors.toMap((row) -> (String) row.get("namespace"),
				(row) -> (Integer) row.get("score")));
	}

	/** History rows per table and scan. */
	private Map<String, Integer> historyRows() {
		Map<String, Integer> rows = new TreeMap<>();
		for (String table : HISTORY_TABLES) {
			this.jdbc.sql("SELECT scan_id, count(*) FROM " + table + " GROUP BY scan_id")
				.query((rs) -> {
					rows.put(table + "/" + rs.getLong(1), rs.getInt(2));
				});
		}
		return rows;
	}

	private void assertNothingStored(long scanId) {
		for (String table : HISTORY_TABLES) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE scan_id = ?")
				.param(scanId)
				.query(Integer.class)
				.single()).as(table).isZero();
		}
	}

	private Set<Finding> findings(MockHttpServletRequestBuilder request) throws Exception {
		Map<String, Object> page = read(request);
		assertThat(page.get("nextCursor")).isNull();
		return listed(JsonPath.read(page, "$.items"));
	}

	private static Set<Finding> listed(List<Map<String, Object>> rows) {
		Set<Finding> findings = new HashSet<>();
		rows.forEach((row) -> assertThat(findings.add(new Finding((String) row.get("kind"),
				(String) row.get("namespace"), (String) row.get("name"), (String) row.get("check"),
				(String) row.get("container"), (String) row.get("path")))).as("listed once: " + row).isTrue());
		return findings;
	}

	private static String path(String check) {
		return "spec.template.spec.containers[0]." + switch (check) {
			case "readiness-probe-missing" -> "readinessProbe";
			case "liveness-probe-missing" -> "livenessProbe";
			case "cpu-request-missing" -> "resources.requests.cpu";
			case "memory-request-missing" -> "resources.requests.memory";
			default -> "resources.limits.memory";
		};
	}

	private Map<String, Object> read(MockHttpServletRequestBuilder request) throws Exception {
		return read(request, Role.VIEWER, 200);
	}

	private Map<String, Object> read(MockHttpServletRequestBuilder request, Role role, int status) throws Exception {
		String body = this.mvc.perform(request.with(as(role)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$");
	}

	private List<Map<String, Object>> readList(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$");
	}

	/**
	 * Runs the simulated kubelet until every Deployment of the scenario has rolled out: its one
	 * replica updated, ready and available, and no pod of an older ReplicaSet left.
	 */
	private static void awaitRolledOut(ControlPlane plane) throws Exception {
		ApiClient admin = plane.adminClient();
		SimulatedKubelet kubelet = new SimulatedKubelet(admin);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			kubelet.runUntilSettled(NAMESPACES, Duration.ofMinutes(1));
			List<String> pending = new ArrayList<>();
			for (String namespace : NAMESPACES) {
				int replicas = 0;
				for (V1Deployment deployment : new AppsV1Api(admin).listNamespacedDeployment(namespace)
					.execute()
					.getItems()) {
					Integer want = deployment.getSpec().getReplicas();
					var status = deployment.getStatus();
					replicas += want;
					boolean done = status != null && status.getObservedGeneration() != null
							&& status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
							&& want.equals(status.getReplicas()) && want.equals(status.getUpdatedReplicas())
							&& want.equals(status.getReadyReplicas()) && want.equals(status.getAvailableReplicas());
					if (!done) {
						pending.add(namespace + "/" + deployment.getMetadata().getName());
					}
				}
				if (new CoreV1Api(admin).listNamespacedPod(namespace).execute().getItems().size() != replicas) {
					pending.add("pods of " + namespace);
				}
			}
			if (pending.isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not rolled out after two minutes: " + pending);
			}
			Thread.sleep(200);
		}
	}

	/** Waits until the API server refuses the token (401). */
	private static void awaitRefused(ControlPlane plane, String token) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			try {
				new VersionApi(client(plane, token)).getCode().execute();
			}
			catch (ApiException ex) {
				if (ex.getCode() == 401) {
					return;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("the token of a deleted service account is still accepted");
			}
			Thread.sleep(100);
		}
	}

	/** Waits until RBAC lets the token get a resource cluster-wide. */
	private static void awaitAllowed(ControlPlane plane, String token, String resource) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		V1SelfSubjectAccessReview review = new V1SelfSubjectAccessReview().spec(new V1SelfSubjectAccessReviewSpec()
			.resourceAttributes(new V1ResourceAttributes().verb("get").resource(resource)));
		while (!Boolean.TRUE.equals(new AuthorizationV1Api(client(plane, token)).createSelfSubjectAccessReview(review)
			.execute()
			.getStatus()
			.getAllowed())) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("RBAC did not grant get " + resource + " within 30s");
			}
			Thread.sleep(100);
		}
	}

	private static ApiClient client(ControlPlane plane, String token) throws Exception {
		return new ClientBuilder().setBasePath(plane.apiUrl())
			.setAuthentication(new AccessTokenAuthentication(token))
			.setCertificateAuthority(Files.readAllBytes(Path.of(plane.env("KUBE_CA_FILE"))))
			.build();
	}

	private static RequestPostProcessor as(Role role) {
		SignedInUser user = new SignedInUser(0, "scan-" + role.name().toLowerCase(), role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

	/** A finding as the diff compares it: subject, check, container and field. */
	private record Finding(String kind, String namespace, String name, String check, String container, String path) {

		Finding named(String other) {
			return new Finding(this.kind, this.namespace, other, this.check, this.container, this.path);
		}

	}

}
