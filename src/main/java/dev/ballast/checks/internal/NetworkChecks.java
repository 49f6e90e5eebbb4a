package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDNSConfigOption;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.Ingress;
import dev.ballast.snapshot.Namespace;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Service;

import static dev.ballast.checks.Category.NETWORKING;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.NAMESPACE;
import static dev.ballast.checks.Target.POD_TEMPLATE;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * Who can reach whom and how traffic gets in: NetworkPolicies, Services, Ingresses, DNS.
 */
final class NetworkChecks {

	private NetworkChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.namespace(def("network-policy-missing", NETWORKING, WARNING, NAMESPACE, Docs.NETWORK_POLICIES,
				"NetworkPolicy"), (namespace, index) -> index.networkPolicies(namespace.name()).isEmpty()
						? new Hit("NetworkPolicy", "none in the namespace: every pod is reachable from everywhere") : null));
		checks.add(Define.namespace(def("network-policy-default-deny-missing", NETWORKING, WARNING, NAMESPACE,
				Docs.NETWORK_POLICIES, "NetworkPolicy"), NetworkChecks::defaultDenyMissing));
		checks.add(Define.workload(def("workload-not-isolated", NETWORKING, WARNING, WORKLOAD, Docs.NETWORK_POLICIES,
				"NetworkPolicy"), Kinds.LONG_RUNNING, (workload) -> {
					List<V1NetworkPolicy> policies = workload.index().networkPolicies(workload.namespace());
					if (policies.isEmpty()) {
						return null;
					}
					for (V1NetworkPolicy policy : policies) {
						if (policy.getSpec() != null && Selectors.matches(policy.getSpec().getPodSelector(), workload.podLabels())) {
							return null;
						}
					}
					return new Hit("spec.template.metadata.labels",
							"no NetworkPolicy selects " + Values.labels(workload.podLabels()));
				}));
		checks.add(Define.objects(def("network-policy-selects-nothing", NETWORKING, INFO, NAMESPACE, Docs.NETWORK_POLICIES),
				(index) -> index.snapshot().networkPolicies(),
				(policy) -> new Subject("NetworkPolicy", String.valueOf(policy.getMetadata().getNamespace()),
						String.valueOf(policy.getMetadata().getName())),
				NetworkChecks::selectsNothing));
		checks.add(Define.objects(def("service-selects-no-pod", NETWORKING, WARNING, NAMESPACE, Docs.SERVICES),
				(index) -> index.snapshot().services(), NetworkChecks::subject, NetworkChecks::selectsNoPod));
		checks.add(Define.objects(def("ingress-service-missing", NETWORKING, DANGER, NAMESPACE, Docs.INGRESS, "Service"),
				(index) -> index.snapshot().ingresses(), NetworkChecks::subject, NetworkChecks::backendMissing));
		checks.add(Define.objects(def("ingress-tls-missing", NETWORKING, WARNING, NAMESPACE, Docs.INGRESS_TLS),
				(index) -> index.snapshot().ingresses(), NetworkChecks::subject,
				(ingress, index) -> ingress.tlsHosts().isEmpty() ? Hit.unset("spec.tls") : null));
		for (String[] row : new String[][] { { "service-node-port", "NodePort" }, { "service-load-balancer", "LoadBalancer" } }) {
			checks.add(Define.objects(def(row[0], NETWORKING, row[1].equals("NodePort") ? WARNING : INFO, NAMESPACE,
					Docs.SERVICES + "#publishing-services-service-types"), (index) -> index.snapshot().services(),
					NetworkChecks::subject, (service, index) -> row[1].equals(service.type()) ? new Hit("spec.type", row[1]) : null));
		}
		checks.add(Define.workload(def("dns-ndots-override", NETWORKING, INFO, POD_TEMPLATE, Docs.DNS), Kinds.ALL,
				(workload) -> {
					var config = workload.spec().getDnsConfig();
					if (config == null || config.getOptions() == null) {
						return null;
					}
					for (V1PodDNSConfigOption option : config.getOptions()) {
						if ("ndots".equals(option.getName())) {
							return new Hit(workload.spec("dnsConfig.options"), "ndots: " + option.getValue());
						}
					}
					return null;
				}));
		return checks;
	}

	private static @Nullable Hit defaultDenyMissing(Namespace namespace, Index index) {
		List<V1NetworkPolicy> policies = index.networkPolicies(namespace.name());
		if (policies.isEmpty()) {
			return null;
		}
		for (V1NetworkPolicy policy : policies) {
			var spec = policy.getSpec();
			if (spec == null || !selectsAll(spec.getPodSelector())) {
				continue;
			}
			List<String> types = spec.getPolicyTypes();
			boolean ingressPolicy = types == null || types.isEmpty() || types.contains("Ingress");
			if (ingressPolicy && (spec.getIngress() == null || spec.getIngress().isEmpty())) {
				return null;
			}
		}
		return new Hit("NetworkPolicy", "no policy selects every pod and denies ingress");
	}

	private static boolean selectsAll(@Nullable V1LabelSelector selector) {
		return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
				&& (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
	}

	private static @Nullable Hit selectsNothing(V1NetworkPolicy policy, Index index) {
		var spec = policy.getSpec();
		String namespace = String.valueOf(policy.getMetadata().getNamespace());
		if (spec == null || selectsAll(spec.getPodSelector())) {
			return null;
		}
		if (selectsAny(index, namespace, (labels) -> Selectors.matches(spec.getPodSelector(), labels))) {
			return null;
		}
		return new Hit("spec.podSelector", "selects no pod: " + Values.labels(spec.getPodSelector().getMatchLabels()));
	}

	private static @Nullable Hit selectsNoPod(Service service, Index index) {
		Map<String, String> selector = service.selector();
		if (selector == null || selector.isEmpty() || "ExternalName".equals(service.type())) {
			return null;
		}
		return selectsAny(index, service.namespace(), (labels) -> Selectors.contains(labels, selector)) ? null
				: new Hit("spec.selector", Values.labels(selector) + " matches no pod");
	}

	private static boolean selectsAny(Index index, String namespace,
			java.util.function.Predicate<Map<String, String>> selects) {
		for (WorkloadView workload : index.views(namespace)) {
			if (selects.test(workload.podLabels())) {
				return true;
			}
		}
		for (PodFacts pod : index.pods(namespace)) {
			if (selects.test(pod.labels())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Hit backendMissing(Ingress ingress, Index index) {
		for (Ingress.Route route : ingress.routes()) {
			if (route.service() == null) {
				continue;
			}
			boolean found = index.services(ingress.namespace()).stream()
				.anyMatch((service) -> service.name().equals(route.service()));
			if (!found) {
				return new Hit((route.path() == null) ? "spec.defaultBackend.service" : "spec.rules",
						route.service() + ((route.port() != null) ? ":" + route.port() : "") + " not found"
								+ ((route.host() != null) ? " (host " + route.host() + ")" : ""));
			}
		}
		return null;
	}

	private static Subject subject(Service service) {
		return new Subject("Service", service.namespace(), service.name());
	}

	private static Subject subject(Ingress ingress) {
		return new Subject("Ingress", ingress.namespace(), ingress.name());
	}

}
