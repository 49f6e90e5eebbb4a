package dev.ballast.testcluster;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonObject;

import io.kubernetes.client.Discovery;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;

/**
 * Loads a folder of manifests ({@code *.yaml}, {@code *.yml}, {@code *.json}; multi-document,
 * {@code kind: List} too) into the control plane with the admin client, any kind the server
 * serves: Node objects go to the {@link SimulatedKubelet}, which registers them and reports them
 * Ready; the rest is created, namespaces and cluster-wide objects first (an existing object
 * is server-side applied). Namespaced objects without a namespace land in the namespace named after the
 * scenario. Then the kubelet runs until every pod is placed.
 * <p>
 * Scenarios share one cluster: they must use their own namespaces and node names (both get the
 * label {@value #SCENARIO_LABEL}; reusing another scenario's is refused). Nodes are cluster-wide,
 * so pods may land on nodes of scenarios loaded earlier.
 */
public final class ScenarioLoader {

	public static final String SCENARIO_LABEL = "sim.ballast.dev/scenario";

	private static final List<String> ORDER = List.of("Namespace", "CustomResourceDefinition", "PriorityClass",
			"StorageClass", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "ServiceAccount", "Role",
			"RoleBinding", "ConfigMap", "Secret", "LimitRange", "ResourceQuota", "PersistentVolumeClaim", "Service");

	private final ApiClient admin;

	private final CoreV1Api core;

	private final SimulatedKubelet kubelet;

	private final Duration timeout;

	private final Map<String, List<V1APIResource>> resources = new HashMap<>();

	public ScenarioLoader(ApiClient admin) {
		this(admin, new SimulatedKubelet(admin), Duration.ofMinutes(5));
	}

	public ScenarioLoader(ApiClient admin, SimulatedKubelet kubelet, Duration timeout) {
		this.admin = admin;
		this.core = new CoreV1Api(admin);
		this.kubelet = kubelet;
		this.timeout = timeout;
	}

	/** Loads {@code cluster-scenarios/<name>/} from the test classpath. */
	public Scenario load(String name) {
		URL url = Thread.currentThread().getContextClassLoader().getResource("cluster-scenarios/" + name);
		if (url == null) {
			throw new IllegalArgumentException("no scenario cluster-scenarios/" + name + " on the test classpath");
		}
		try {
			return load(name, Path.of(url.toURI()));
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(url.toString(), ex);
		}
	}

	public Scenario load(String name, Path directory) {
		try {
			List<JsonObject> objects = Manifests.read(directory);
			Set<String> namespaces = new LinkedHashSet<>();
			List<V1Node> nodes = new ArrayList<>();
			List<JsonObject> others = new ArrayList<>();
			for (JsonObject object : objects) {
				String kind = object.get("kind").getAsString();
				Manifests.label(object, name, SCENARIO_LABEL);
				if ("Node".equals(kind)) {
					nodes.add(JSON.deserialize(object.toString(), V1Node.class));
				}
				else {
					if ("Namespace".equals(kind)) {
						namespaces.add(Manifests.metadata(object).get("name").getAsString());
					}
					others.add(object);
				}
			}
			ApiWork.parallel(8, nodes, (node) -> {
				refuseForeign(name, "Node", node.getMetadata().getName());
				this.kubelet.register(node);
			});
			List<String> nodeNames = nodes.stream().map((node) -> node.getMetadata().getName()).toList();
			List<String> notReady = this.kubelet.makeReady(nodeNames, this.timeout);
			others.sort(Comparator.comparingInt(ScenarioLoader::rank));
			for (JsonObject object : others) {
				String namespace = apply(name, object);
				if (namespace != null) {
					namespaces.add(namespace);
				}
			}
			SimulatedKubelet.Placement placement = this.kubelet.runUntilSettled(namespaces, this.timeout);
			return new Scenario(name, namespaces, nodeNames, notReady, placement.running(), placement.unschedulable());
		}
		catch (ApiException ex) {
			throw new IllegalStateException("loading scenario " + name + " failed: " + ex.getCode() + " "
					+ ex.getResponseBody(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read scenario " + name + " in " + directory, ex);
		}
	}

	/** Creates or server-side applies one object; returns its namespace (null when cluster-wide). */
	private String apply(String scenario, JsonObject object) throws ApiException {
		String kind = object.get("kind").getAsString();
		String apiVersion = object.get("apiVersion").getAsString();
		V1APIResource resource = resource(apiVersion, kind);
		String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		JsonObject metadata = Manifests.metadata(object);
		String name = metadata.get("name").getAsString();
		String namespace = null;
		if (Boolean.TRUE.equals(resource.getNamespaced())) {
			namespace = metadata.has("namespace") ? metadata.get("namespace").getAsString() : scenario;
			metadata.addProperty("namespace", namespace);
			ensureNamespace(scenario, namespace);
		}
		else if ("Namespace".equals(kind)) {
			refuseForeign(scenario, "Namespace", name);
		}
		DynamicKubernetesApi api = new DynamicKubernetesApi(group, version, resource.getName(), this.admin);
		KubernetesApiResponse<DynamicKubernetesObject> response = api.create(new DynamicKubernetesObject(object));
		if (response.getHttpStatusCode() == 409) {
			PatchOptions options = new PatchOptions().fieldManager("ballast-scenario").force(true);
			V1Patch patch = new V1Patch(object.toString());
			response = (namespace != null) ? api.patch(namespace, name, V1Patch.PATCH_FORMAT_APPLY_YAML, patch, options)
					: api.patch(name, V1Patch.PATCH_FORMAT_APPLY_YAML, patch, options);
		}
		if (!response.isSuccess()) {
			throw new IllegalStateException("cannot apply " + kind + " " + (namespace != null ? namespace + "/" : "")
					+ name + " of scenario " + scenario + ": " + response.getHttpStatusCode() + " "
					+ (response.getStatus() != null ? response.getStatus().getMessage() : ""));
		}
		return namespace;
	}

	/** Creates the namespace if missing and waits for its {@code default} ServiceAccount token. */
	private void ensureNamespace(String scenario, String namespace) throws ApiException {
		try {
			this.core.readNamespace(namespace).execute();
		}
		catch (ApiException ex) {
			if (ex.getCode() != 404) {
				throw ex;
			}
			JsonObject object = Manifests.parse("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
					+ namespace + "\"}}");
			Manifests.label(object, scenario, SCENARIO_LABEL);
			apply(scenario, object);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			try {
				V1ServiceAccount account = this.core.readNamespacedServiceAccount("default", namespace).execute();
				if (account.getSecrets() != null && !account.getSecrets().isEmpty()) {
					return;
				}
			}
			catch (ApiException ex) {
				if (ex.getCode() != 404) {
					throw ex;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("no token for ServiceAccount " + namespace + "/default after 60s");
			}
			ApiWork.pause(200);
		}
	}

	private void refuseForeign(String scenario, String kind, String name) throws ApiException {
		Map<String, String> labels;
		try {
			labels = "Node".equals(kind) ? this.core.readNode(name).execute().getMetadata().getLabels()
					: this.core.readNamespace(name).execute().getMetadata().getLabels();
		}
		catch (ApiException ex) {
			if (ex.getCode() == 404) {
				return;
			}
			throw ex;
		}
		String owner = (labels != null) ? labels.get(SCENARIO_LABEL) : null;
		if (!scenario.equals(owner)) {
			throw new IllegalStateException(kind + " " + name + " belongs to " + (owner != null ? "scenario " + owner
					: "no scenario") + "; scenario " + scenario + " must use its own " + kind + " names");
		}
	}

	/** The resource serving {@code kind} in exactly {@code apiVersion} (waits a little for new CRDs). */
	private V1APIResource resource(String apiVersion, String kind) throws ApiException {
		String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
		for (int attempt = 0; attempt < 50; attempt++) {
			List<V1APIResource> served = this.resources.get(apiVersion);
			if (served == null) {
				try {
					served = new Discovery(this.admin).resourceDiscovery(path).getResources();
					this.resources.put(apiVersion, served);
				}
				catch (ApiException ex) {
					if (ex.getCode() != 404) {
						throw ex;
					}
					served = List.of();
				}
			}
			for (V1APIResource resource : served) {
				if (resource.getKind().equals(kind) && !resource.getName().contains("/")) {
					return resource;
				}
			}
			this.resources.remove(apiVersion);
			ApiWork.pause(200);
		}
		throw new IllegalStateException(apiVersion + " " + kind + " is not served by this Kubernetes "
				+ "(1.20 serves e.g. policy/v1beta1 PodDisruptionBudget, batch/v1beta1 CronJob, autoscaling/v2beta2)");
	}

	private static int rank(JsonObject object) {
		String kind = object.get("kind").getAsString();
		int index = ORDER.indexOf(kind);
		return (index >= 0) ? index : ("Pod".equals(kind) ? ORDER.size() + 1 : ORDER.size());
	}


}
