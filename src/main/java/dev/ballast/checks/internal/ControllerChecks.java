package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.Service;
import dev.ballast.snapshot.Workload;

import static dev.ballast.checks.Category.RELIABILITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * How controllers are declared: CronJob and Job settings, API versions, selectors, StatefulSet
 * services, pods without a controller, rollout strategy.
 */
final class ControllerChecks {

	/** Removed API versions: group/version of a kind, with the release that removed it and the replacement. */
	private static final Map<String, String> REMOVED = Map.ofEntries(
			Map.entry("extensions/v1beta1/Deployment", "removed in 1.16; use apps/v1"),
			Map.entry("extensions/v1beta1/DaemonSet", "removed in 1.16; use apps/v1"),
			Map.entry("extensions/v1beta1/ReplicaSet", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta1/Deployment", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta1/StatefulSet", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta2/Deployment", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta2/StatefulSet", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta2/DaemonSet", "removed in 1.16; use apps/v1"),
			Map.entry("apps/v1beta2/ReplicaSet", "removed in 1.16; use apps/v1"),
			Map.entry("batch/v1beta1/CronJob", "removed in 1.25; use batch/v1"),
			Map.entry("batch/v2alpha1/CronJob", "removed in 1.21; use batch/v1"),
			Map.entry("policy/v1beta1/PodDisruptionBudget", "removed in 1.25; use policy/v1"),
			Map.entry("autoscaling/v2beta1/HorizontalPodAutoscaler", "removed in 1.25; use autoscaling/v2"),
			Map.entry("autoscaling/v2beta2/HorizontalPodAutoscaler", "removed in 1.26; use autoscaling/v2"));

	private ControllerChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.workload(def("cronjob-deadline-missing", RELIABILITY, WARNING, WORKLOAD, Docs.CRONJOB),
				Set.of("CronJob"), (workload) -> (workload.field("spec.startingDeadlineSeconds") == null)
						? Hit.unset("spec.startingDeadlineSeconds") : null));
		checks.add(Define.workload(def("cronjob-concurrency-allowed", RELIABILITY, INFO, WORKLOAD, Docs.CRONJOB),
				Set.of("CronJob"), (workload) -> {
					String policy = workload.workload().rollout().concurrencyPolicy();
					return (policy == null || policy.equals("Allow"))
							? new Hit("spec.concurrencyPolicy", (policy != null) ? policy : "<unset> (Allow)") : null;
				}));
		checks.add(Define.workload(def("job-ttl-missing", RELIABILITY, INFO, WORKLOAD, Docs.TTL), Set.of("Job"),
				(workload) -> (workload.field("spec.ttlSecondsAfterFinished") == null)
						? Hit.unset("spec.ttlSecondsAfterFinished") : null));
		checks.add(Define.objects(def("api-version-deprecated", RELIABILITY, DANGER, WORKLOAD, Docs.DEPRECATIONS),
				ControllerChecks::versioned, Versioned::subject, (object, index) -> {
					String removed = REMOVED.get(object.apiVersion() + "/" + object.subject().kind());
					return (removed != null) ? new Hit("apiVersion", object.apiVersion() + " (" + removed + ")") : null;
				}));
		checks.add(Define.workload(def("selector-mismatch", RELIABILITY, DANGER, WORKLOAD, Docs.DEPLOYMENT),
				Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"), (workload) -> {
					var selector = workload.workload().selector();
					return (selector != null && !Selectors.matches(selector, workload.podLabels()))
							? new Hit("spec.selector", "selects " + Values.labels(selector.getMatchLabels())
									+ " but the template has " + Values.labels(workload.podLabels()))
							: null;
				}));
		checks.add(Define.workload(def("statefulset-service-missing", RELIABILITY, WARNING, WORKLOAD, Docs.STATEFULSET),
				Set.of("StatefulSet"), ControllerChecks::statefulSetService));
		checks.add(Define.workload(def("bare-pod", RELIABILITY, WARNING, WORKLOAD, Docs.NAKED_PODS), Set.of("Pod"),
				(workload) -> new Hit("metadata.ownerReferences", "no controller recreates this pod")));
		checks.add(Define.workload(def("rollout-recreate", RELIABILITY, INFO, WORKLOAD, Docs.DEPLOYMENT + "#strategy"),
				Set.of("Deployment"), (workload) -> ("Recreate".equals(workload.workload().rollout().strategy())
						&& workload.replicas() >= 2) ? new Hit("spec.strategy.type", "Recreate") : null));
		return checks;
	}

	private static @Nullable Hit statefulSetService(WorkloadView workload) {
		Object name = workload.field("spec.serviceName");
		if (!(name instanceof String serviceName) || serviceName.isEmpty()) {
			return Hit.unset("spec.serviceName");
		}
		for (Service service : workload.index().services(workload.namespace())) {
			if (service.name().equals(serviceName)) {
				return service.headless() ? null : new Hit("spec.serviceName", serviceName + " is not headless");
			}
		}
		return new Hit("spec.serviceName", serviceName + " not found");
	}

	private static List<Versioned> versioned(Index index) {
		List<Versioned> objects = new ArrayList<>();
		for (Workload workload : index.snapshot().workloads()) {
			objects.add(new Versioned(Index.subject(workload), workload.apiVersion()));
		}
		index.snapshot().disruptionBudgets().forEach((budget) -> objects.add(new Versioned(
				new Subject("PodDisruptionBudget", budget.namespace(), budget.name()), budget.apiVersion())));
		index.snapshot().autoscalers().forEach((hpa) -> objects.add(new Versioned(
				new Subject("HorizontalPodAutoscaler", hpa.namespace(), hpa.name()), hpa.apiVersion())));
		return objects;
	}

	/** An object with the API version it was written in. */
	private record Versioned(Subject subject, String apiVersion) {
	}

}
