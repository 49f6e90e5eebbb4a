package dev.ballast.testcluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;

/**
 * A running Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler) started by {@code src/test/cluster/start.sh}, stopped by {@code stop.sh}.
 * Nodes and pod status are simulated by {@link SimulatedKubelet}; scenarios are loaded by
 * {@link ScenarioLoader}.
 */
public final class ControlPlane implements AutoCloseable {

	private static final String[] COMPONENTS = { "kube-apiserver", "kube-controller-manager", "kube-scheduler" };

	private final Path scripts;

	private final Path workDir;

	private final Map<String, String> env;

	private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();

	private final Thread shutdownHook;

	private boolean closed;

	private ControlPlane(Path scripts, Path workDir, Map<String, String> env) {
		this.scripts = scripts;
		this.workDir = workDir;
		this.env = env;
		this.shutdownHook = new Thread(this::stop, "ballast-control-plane-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a control plane in a new temporary directory.
	 * @throws IllegalStateException when the binaries are missing or start.sh fails
	 */
	public static ControlPlane start() {
		return start(new String[0]);
	}

	/**
	 * Starts a control plane of its own with start.sh flags, e.g. a small cluster CIDR
	 * ({@code "--cluster-cidr", "10.250.0.0/22", "--node-cidr-mask-size", "24"}); the caller
	 * closes it.
	 * @param flags start.sh flags
	 * @return the running plane
	 * @throws IllegalStateException when the binaries are missing or start.sh fails
	 */
	public static ControlPlane start(String... flags) {
		Path scripts = scriptsDirectory();
		requireBinaries();
		try {
			for (int attempt = 1;; attempt++) {
				Path workDir = Files.createTempDirectory("ballast-cluster-");
				List<String> command = new ArrayList<>(List.of("bash", scripts.resolve("start.sh").toString(),
						workDir.toString()));
				command.addAll(List.of(flags));
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
				// start.sh's watchdog stops the plane if this JVM dies without its shutdown hook
				builder.environment().put("BALLAST_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
				Process process = builder.start();
				process.getOutputStream().close();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (process.waitFor() == 0) {
					return new ControlPlane(scripts, workDir, readEnv(workDir.resolve("cluster.env")));
				}
				// another process took a port between start.sh's check and the bind: try new ports
				if (attempt >= 3 || !output.contains("address already in use")) {
					throw new IllegalStateException("src/test/cluster/start.sh failed (logs in " + workDir
							+ "/logs):\n" + output);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the control plane: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while starting the control plane", ex);
		}
	}

	/** The cache of prepare.sh: {@code $BALLAST_KUBE_CACHE} or {@code ~/.cache/ballast/kube}. */
	static Path cacheRoot() {
		String override = System.getenv("BALLAST_KUBE_CACHE");
		return (override != null && !override.isBlank()) ? Path.of(override)
				: Path.of(System.getProperty("user.home"), ".cache", "ballast", "kube");
	}

	static void requireBinaries() {
		Path root = cacheRoot();
		String missing = "control plane binaries not found under " + root + "; run src/test/cluster/prepare.sh";
		try {
			Path current = root.resolve("current");
			if (!Files.isReadable(current)) {
				throw new IllegalStateException(missing);
			}
			Path bin = root.resolve(Files.readString(current).trim());
			for (String component : COMPONENTS) {
				if (!Files.isExecutable(bin.resolve(component))) {
					throw new IllegalStateException(missing + " (" + bin.resolve(component) + " is missing)");
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(missing, ex);
		}
	}

	private static Path scriptsDirectory() {
		String override = System.getProperty("ballast.cluster.scripts");
		Path dir = (override != null) ? Path.of(override) : Path.of("src", "test", "cluster");
		if (!Files.isRegularFile(dir.resolve("start.sh"))) {
			throw new IllegalStateException("start.sh not found in " + dir.toAbsolutePath()
					+ "; run the tests from the project directory or set -Dballast.cluster.scripts");
		}
		return dir.toAbsolutePath();
	}

	private static Map<String, String> readEnv(Path file) throws IOException {
		Map<String, String> env = new HashMap<>();
		for (String line : Files.readAllLines(file)) {
			int eq = line.indexOf('=');
			if (eq > 0 && !line.startsWith("#")) {
				env.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return Map.copyOf(env);
	}

	/** A value of {@code cluster.env}, e.g. {@code KUBE_API_URL} or {@code KUBE_APISERVER_PID}. */
	public String env(String key) {
		String value = this.env.get(key);
		if (value == null) {
			throw new IllegalArgumentException(key + " is not in " + this.workDir.resolve("cluster.env"));
		}
		return value;
	}

	public String apiUrl() {
		return env("KUBE_API_URL");
	}

	/** The Debian package version of the binaries, e.g. {@code 1.20.5+really1.20.2-1.1+deb12u1}. */
	public String version() {
		return env("KUBE_VERSION");
	}

	public Path workDir() {
		return this.workDir;
	}

	/** Kubeconfig of user {@code admin} (group {@code system:masters}). */
	public Path adminKubeconfig() {
		return Path.of(env("KUBE_ADMIN_KUBECONFIG"));
	}

	/** Kubeconfig of user {@code ballast-reader}: get/list/watch on what Ballast reads, no Secrets. */
	public Path readerKubeconfig() {
		return Path.of(env("KUBE_READER_KUBECONFIG"));
	}

	/** The API server's audit log: one JSON event per line, level Metadata for every request. */
	public Path auditLog() {
		return Path.of(env("KUBE_AUDIT_LOG"));
	}

	/**
	 * The completed requests of {@code user} in the audit log so far, e.g. to assert that
	 * {@code ballast-reader} never touched {@code secrets}.
	 */
	public List<AuditEvent> auditEvents(String user) {
		try (Stream<String> lines = Files.lines(auditLog())) {
			return lines.filter((line) -> line.contains("\"ResponseComplete\"") || line.contains("\"Panic\""))
				.map(AuditEvent::parse)
				.filter((event) -> event.user().equals(user))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + auditLog(), ex);
		}
	}

	public ApiClient adminClient() {
		return client(adminKubeconfig());
	}

	public ApiClient readerClient() {
		return client(readerKubeconfig());
	}

	/**
	 * Creates namespace {@code namespace} with a service account {@code account} bound to a new
	 * ClusterRole (named like the namespace) of these rules, and returns the account's token, which
	 * Kubernetes 1.20's token controller writes into a Secret (read here as admin: the test harness
	 * may, Ballast never does).
	 */
	public String serviceAccountToken(String namespace, String account, List<V1PolicyRule> rules)
			throws ApiException, InterruptedException {
		ApiClient admin = adminClient();
		var core = new CoreV1Api(admin);
		var rbac = new RbacAuthorizationV1Api(admin);
		core.createNamespace(new V1Namespace()
			.metadata(new V1ObjectMeta().name(namespace))).execute();
		core.createNamespacedServiceAccount(namespace, new V1ServiceAccount()
			.metadata(new V1ObjectMeta().name(account))).execute();
		rbac.createClusterRole(new V1ClusterRole()
			.metadata(new V1ObjectMeta().name(namespace))
			.rules(rules)).execute();
		rbac.createClusterRoleBinding(new V1ClusterRoleBinding()
			.metadata(new V1ObjectMeta().name(namespace))
			.roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io")
				.kind("ClusterRole")
				.name(namespace))
			.subjects(List.of(new RbacV1Subject().kind("ServiceAccount")
				.name(account)
				.namespace(namespace)))).execute();
		for (int attempt = 0; attempt < 100; attempt++) {
			for (var secret : core.listNamespacedSecret(namespace).execute().getItems()) {
				var annotations = secret.getMetadata().getAnnotations();
				if (annotations != null && account.equals(annotations.get("kubernetes.io/service-account.name"))
						&& secret.getData() != null && secret.getData().get("token") != null) {
					return new String(secret.getData().get("token"), StandardCharsets.UTF_8);
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No token for service account " + namespace + "/" + account);
	}

	/**
	 * Loads {@code cluster-scenarios/<name>/} from the test classpath once per control plane
	 * and waits until its pods are placed; later calls return the same scenario.
	 */
	public Scenario scenario(String name) {
		return this.scenarios.computeIfAbsent(name, (key) -> new ScenarioLoader(adminClient()).load(key));
	}

	static ApiClient client(Path kubeconfig) {
		try (Reader reader = Files.newBufferedReader(kubeconfig)) {
			ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
			client.setReadTimeout(60_000);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + kubeconfig, ex);
		}
	}

	@Override
	public void close() {
		stop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook runs stop(), which is idempotent
		}
	}

	private synchronized void stop() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			Process process = new ProcessBuilder("bash", this.scripts.resolve("stop.sh").toString(),
					this.workDir.toString())
				.inheritIO()
				.start();
			process.waitFor(2, TimeUnit.MINUTES);
		}
		catch (IOException ex) {
			System.err.println("cannot stop the control plane in " + this.workDir + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ControlPlane[" + apiUrl() + ", " + this.workDir + "]";
	}

}
