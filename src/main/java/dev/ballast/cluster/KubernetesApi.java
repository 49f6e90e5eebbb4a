package dev.ballast.cluster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import javax.net.ssl.SSLException;

import io.kubernetes.client.Discovery;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SelfSubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;

/**
 * The few read calls the {@code cluster} module makes with client-java: server version, API
 * discovery, access reviews, counting nodes, sampling namespaces. Failures become a
 * {@link ClusterAccessException} that names the reason.
 */
final class KubernetesApi implements AccessReviewer {

	private final ApiClient client;

	KubernetesApi(ApiClient client) {
		this.client = client;
	}

	String serverVersion() throws ClusterAccessException {
		try {
			return new VersionApi(this.client).getCode().execute().getGitVersion();
		}
		catch (ApiException ex) {
			throw translate("read the server version", ex);
		}
	}

	/** Every resource the server serves, in each group's preferred version. */
	List<ServedResource> discover() throws ClusterAccessException {
		Discovery discovery = new Discovery(this.client);
		List<ServedResource> served = new ArrayList<>();
		try {
			addAll(served, "", "v1", discovery.resourceDiscovery("/api/v1"));
			for (V1APIGroup group : discovery.groupDiscovery("/apis").getGroups()) {
				if (group.getPreferredVersion() == null) {
					continue;
				}
				String version = group.getPreferredVersion().getVersion();
				addAll(served, group.getName(), version,
						discovery.resourceDiscovery("/apis/" + group.getPreferredVersion().getGroupVersion()));
			}
			return served;
		}
		catch (ApiException ex) {
			throw translate("discover the served APIs", ex);
		}
	}

	private static void addAll(List<ServedResource> served, String group, String version, V1APIResourceList list) {
		for (V1APIResource resource : list.getResources()) {
			served.add(new ServedResource(group, version, resource.getName(), Boolean.TRUE.equals(resource.getNamespaced()),
					new HashSet<>(resource.getVerbs())));
		}
	}

	@Override
	public boolean allowed(Permission permission) throws ClusterAccessException {
		V1ResourceAttributes attributes = new V1ResourceAttributes().verb(permission.verb())
			.group(permission.group())
			.resource(permission.resource())
			.subresource(permission.subresource())
			.namespace(permission.namespace());
		V1SelfSubjectAccessReview review = new V1SelfSubjectAccessReview()
			.spec(new V1SelfSubjectAccessReviewSpec().resourceAttributes(attributes));
		try {
			V1SubjectAccessReviewStatus status = new AuthorizationV1Api(this.client).createSelfSubjectAccessReview(review)
				.execute()
				.getStatus();
			return status != null && Boolean.TRUE.equals(status.getAllowed());
		}
		catch (ApiException ex) {
			throw translate("ask the server about " + permission.describe(), ex);
		}
	}

	/** The node count, paging through names only. */
	int countNodes() throws ClusterAccessException {
		try {
			int count = 0;
			String next = null;
			do {
				var page = new CoreV1Api(this.client).listNode().limit(500)._continue(next).execute();
				count += page.getItems().size();
				next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
			}
			while (next != null && !next.isEmpty());
			return count;
		}
		catch (ApiException ex) {
			throw translate("list nodes", ex);
		}
	}

	/** {@code default}, {@code kube-system} and a few others, to ask namespace-scoped questions in. */
	List<String> sampleNamespaces(int others) throws ClusterAccessException {
		List<String> sample = new ArrayList<>(List.of("default", "kube-system"));
		try {
			for (var namespace : new CoreV1Api(this.client).listNamespace().limit(50).execute().getItems()) {
				String name = namespace.getMetadata().getName();
				if (sample.size() >= 2 + others) {
					break;
				}
				if (!sample.contains(name)) {
					sample.add(name);
				}
			}
		}
		catch (ApiException ex) {
			if (ex.getCode() != 403) {
				throw translate("list namespaces", ex);
			}
		}
		return sample;
	}

	static ClusterAccessException translate(String doing, ApiException ex) {
		int code = ex.getCode();
		if (code == 401) {
			return new ClusterAccessException(ClusterAccessException.Reason.UNAUTHORIZED,
					"The server refused the credential (401) when trying to " + doing + ".", ex);
		}
		if (code == 403) {
			return new ClusterAccessException(ClusterAccessException.Reason.FORBIDDEN,
					"The credential may not " + doing + " (403).", ex);
		}
		if (code != 0) {
			return new ClusterAccessException(ClusterAccessException.Reason.FAILED,
					"The server answered " + code + " when trying to " + doing + ".", ex);
		}
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof SSLException) {
				return new ClusterAccessException(ClusterAccessException.Reason.TLS,
						"TLS failed: " + cause.getMessage() + " (wrong CA, an expired certificate, or not the server the address names).", ex);
			}
			if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
				return new ClusterAccessException(ClusterAccessException.Reason.TIMED_OUT,
						"The server did not answer in time when trying to " + doing + ".", ex);
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return new ClusterAccessException(ClusterAccessException.Reason.UNREACHABLE,
						"The server could not be reached: " + cause.getMessage() + ".", ex);
			}
			if (cause instanceof IOException && cause.getCause() == null) {
				return new ClusterAccessException(ClusterAccessException.Reason.FAILED,
						"Talking to the server failed: " + cause.getMessage() + ".", ex);
			}
			cause = cause.getCause();
		}
		return new ClusterAccessException(ClusterAccessException.Reason.FAILED,
				"Talking to the server failed when trying to " + doing + ": " + ex.getMessage(), ex);
	}

}
