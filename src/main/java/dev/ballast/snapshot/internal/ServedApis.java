package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIGroupList;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1GroupVersionForDiscovery;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Gap;

/**
 * What an API server serves, from discovery: every served version of the groups the collector
 * reads, not only each group's preferred one (a 1.20 server prefers autoscaling/v1 but serves
 * v2beta2, and serves CronJobs only in batch/v1beta1). Reads {@code /api/v1}, {@code /apis}, and
 * {@code /apis/<group>/<version>} for the group versions asked for that the server has.
 */
public final class ServedApis {

	private final Set<String> listable;

	private final Map<String, Failure> failures;

	ServedApis(Set<String> listable, Map<String, Failure> failures) {
		this.listable = Set.copyOf(listable);
		this.failures = Map.copyOf(failures);
	}

	/**
	 * Discovers what the server serves in the given group versions.
	 * @param requests the scan's requests
	 * @param groupVersions e.g. {@code v1}, {@code apps/v1}, {@code policy/v1beta1}
	 * @param pool where to read the group versions in parallel
	 * @return what is served
	 * @throws RequestFailure when the core API or the group list cannot be read: nothing can be
	 * listed then
	 */
	public static ServedApis discover(ApiRequests requests, Collection<String> groupVersions, ExecutorService pool)
			throws RequestFailure {
		Set<String> listable = new HashSet<>();
		addListable(listable, "v1", requests.get("/api/v1", List.of(), ServedApis::resources));
		V1APIGroupList groups = requests.get("/apis", List.of(),
				(body) -> KubernetesJson.GSON.fromJson(body.charStream(), V1APIGroupList.class));
		Set<String> served = new HashSet<>();
		for (V1APIGroup group : (groups.getGroups() != null) ? groups.getGroups() : List.<V1APIGroup>of()) {
			for (V1GroupVersionForDiscovery version : (group.getVersions() != null) ? group.getVersions()
					: List.<V1GroupVersionForDiscovery>of()) {
				served.add(version.getGroupVersion());
			}
		}
		Map<String, CompletableFuture<V1APIResourceList>> reads = new HashMap<>();
		for (String groupVersion : groupVersions) {
			if (served.contains(groupVersion)) {
				reads.put(groupVersion, CompletableFuture.supplyAsync(() -> read(requests, groupVersion), pool));
			}
		}
		Map<String, Failure> failures = new HashMap<>();
		for (Map.Entry<String, CompletableFuture<V1APIResourceList>> read : reads.entrySet()) {
			try {
				addListable(listable, read.getKey(), read.getValue().join());
			}
			catch (CompletionException ex) {
				if (!(ex.getCause() instanceof RequestFailure failure)) {
					throw ex;
				}
				if (failure.status() != 404) {
					failures.put(read.getKey(), new Failure(failure.reason(), failure.getMessage()));
				}
			}
		}
		return new ServedApis(listable, failures);
	}

	/**
	 * Whether a resource can be listed in a group version.
	 * @param groupVersion e.g. {@code apps/v1}
	 * @param resource e.g. {@code deployments}
	 * @return whether the server serves it with the {@code list} verb
	 */
	public boolean lists(String groupVersion, String resource) {
		return this.listable.contains(groupVersion + " " + resource);
	}

	/**
	 * Why a group version the server announced could not be discovered (an aggregated API whose
	 * backend is down answers 503, for example).
	 * @param groupVersion e.g. {@code metrics.k8s.io/v1beta1}
	 * @return the failure, or {@code null}
	 */
	public @Nullable Failure failure(String groupVersion) {
		return this.failures.get(groupVersion);
	}

	private static V1APIResourceList read(ApiRequests requests, String groupVersion) {
		try {
			return requests.get("/apis/" + groupVersion, List.of(), ServedApis::resources);
		}
		catch (RequestFailure ex) {
			throw new CompletionException(ex);
		}
	}

	private static V1APIResourceList resources(okhttp3.ResponseBody body) {
		return KubernetesJson.GSON.fromJson(body.charStream(), V1APIResourceList.class);
	}

	private static void addListable(Set<String> listable, String groupVersion, V1APIResourceList list) {
		for (V1APIResource resource : (list.getResources() != null) ? list.getResources() : new ArrayList<V1APIResource>()) {
			if (resource.getVerbs() != null && resource.getVerbs().contains("list")) {
				listable.add(groupVersion + " " + resource.getName());
			}
		}
	}

	/**
	 * Why discovering a group version failed.
	 *
	 * @param reason as a gap records it
	 * @param message what the server said
	 */
	public record Failure(Gap.Reason reason, String message) {
	}

}
