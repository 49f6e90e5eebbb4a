package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;
import dev.ballast.snapshot.Autoscaler;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.DisruptionBudget;
import dev.ballast.snapshot.PodFacts;

import static dev.ballast.checks.Category.RELIABILITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.NAMESPACE;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * Redundancy: replicas, their spread in the spec and in reality, disruption budgets and
 * autoscalers.
 */
final class ReplicaChecks {

	private ReplicaChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.workload(def("replicas-below-two", RELIABILITY, WARNING, WORKLOAD, Docs.DEPLOYMENT),
				Kinds.REPLICATED, ReplicaChecks::replicasBelowTwo));
		for (Spread row : Spread.values()) {
			checks.add(Define.workload(def(row.specId, RELIABILITY, row.specSeverity, WORKLOAD, Docs.SPREAD),
					Kinds.REPLICATED, (workload) -> spreadMissing(workload, row)));
		}
		for (Spread row : Spread.values()) {
			checks.add(Define.workload(def(row.placementId, RELIABILITY, row.placementSeverity, WORKLOAD, Docs.AFFINITY),
					Kinds.REPLICATED, (workload) -> placedTogether(workload, row)));
		}
		checks.add(Define.workload(
				def("pdb-missing", RELIABILITY, WARNING, WORKLOAD, Docs.PDB, "PodDisruptionBudget"), Kinds.REPLICATED,
				ReplicaChecks::budgetMissing));
		checks.add(Define.objects(def("pdb-blocks-eviction", RELIABILITY, WARNING, NAMESPACE, Docs.PDB),
				(index) -> index.snapshot().disruptionBudgets(), ReplicaChecks::subject, ReplicaChecks::blocksEviction));
		checks.add(Define.objects(def("pdb-policy-missing", RELIABILITY, WARNING, NAMESPACE, Docs.PDB),
				(index) -> index.snapshot().disruptionBudgets(), ReplicaChecks::subject,
				(budget, index) -> (budget.minAvailable() == null && budget.maxUnavailable() == null)
						? Hit.unset("spec.maxUnavailable") : null));
		checks.add(Define.objects(def("hpa-min-replicas-below-two", RELIABILITY, WARNING, NAMESPACE, Docs.HPA),
				(index) -> index.snapshot().autoscalers(), ReplicaChecks::subject,
				(hpa, index) -> (hpa.minReplicas() == null || hpa.minReplicas() < 2)
						? new Hit("spec.minReplicas", (hpa.minReplicas() != null) ? "" + hpa.minReplicas() : "<unset> (1)")
						: null));
		checks.add(Define.objects(def("hpa-cannot-scale", RELIABILITY, INFO, NAMESPACE, Docs.HPA),
				(index) -> index.snapshot().autoscalers(), ReplicaChecks::subject, (hpa, index) -> {
					int min = (hpa.minReplicas() != null) ? hpa.minReplicas() : 1;
					return (hpa.maxReplicas() <= min)
							? new Hit("spec.maxReplicas", hpa.maxReplicas() + " (minReplicas " + min + ")") : null;
				}));
		checks.add(Define.objects(def("hpa-target-missing", RELIABILITY, WARNING, NAMESPACE, Docs.HPA),
				(index) -> index.snapshot().autoscalers(), ReplicaChecks::subject, ReplicaChecks::targetMissing));
		checks.add(Define.workload(def("hpa-replicas-conflict", RELIABILITY, INFO, WORKLOAD, Docs.HPA),
				Set.of("Deployment", "StatefulSet"), (workload) -> {
					Autoscaler hpa = workload.index().autoscaler(workload.workload());
					Integer replicas = workload.workload().replicas();
					return (hpa != null && replicas != null)
							? new Hit("spec.replicas", replicas + " (HorizontalPodAutoscaler " + hpa.name() + " scales it)")
							: null;
				}));
		return checks;
	}

	private static @Nullable Hit replicasBelowTwo(WorkloadView workload) {
		if (workload.index().autoscaler(workload.workload()) != null) {
			return null;
		}
		Integer replicas = workload.workload().replicas();
		int effective = (replicas != null) ? replicas : 1;
		return (effective == 1) ? new Hit("spec.replicas", (replicas != null) ? "1" : "<unset> (1)") : null;
	}

	private static @Nullable Hit spreadMissing(WorkloadView workload, Spread row) {
		if (workload.replicas() < 2 || (row == Spread.ZONE && workload.index().zones().size() < 2)) {
			return null;
		}
		Set<String> keys = topologyKeys(workload);
		if (keys.contains(row.label)) {
			return null;
		}
		return new Hit(workload.spec("affinity.podAntiAffinity"),
				keys.isEmpty() ? Hit.UNSET : "spreads only on " + String.join(", ", keys));
	}

	static Set<String> topologyKeys(WorkloadView workload) {
		Set<String> keys = new TreeSet<>();
		V1Affinity affinity = workload.spec().getAffinity();
		V1PodAntiAffinity anti = (affinity != null) ? affinity.getPodAntiAffinity() : null;
		if (anti != null) {
			if (anti.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
				for (V1PodAffinityTerm term : anti.getRequiredDuringSchedulingIgnoredDuringExecution()) {
					add(keys, term.getTopologyKey());
				}
			}
			if (anti.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
				for (V1WeightedPodAffinityTerm term : anti.getPreferredDuringSchedulingIgnoredDuringExecution()) {
					if (term.getPodAffinityTerm() != null) {
						add(keys, term.getPodAffinityTerm().getTopologyKey());
					}
				}
			}
		}
		if (workload.spec().getTopologySpreadConstraints() != null) {
			for (V1TopologySpreadConstraint constraint : workload.spec().getTopologySpreadConstraints()) {
				add(keys, constraint.getTopologyKey());
			}
		}
		return keys;
	}

	private static void add(Set<String> keys, @Nullable String key) {
		if (key != null) {
			keys.add(key);
		}
	}

	private static @Nullable Hit placedTogether(WorkloadView workload, Spread row) {
		if (workload.replicas() < 2 || (row == Spread.ZONE && workload.index().zones().size() < 2)) {
			return null;
		}
		Set<String> places = new TreeSet<>();
		int running = 0;
		for (PodFacts pod : workload.pods()) {
			if (pod.nodeName() == null || !"Running".equals(pod.phase())) {
				continue;
			}
			ClusterNode node = workload.index().node(pod.nodeName());
			String place = (row == Spread.HOSTNAME) ? pod.nodeName()
					: ((node != null) ? node.labels().get(Index.ZONE) : null);
			if (place == null) {
				return null;
			}
			places.add(place);
			running++;
		}
		if (running < 2 || places.size() > 1) {
			return null;
		}
		return new Hit(workload.spec("affinity.podAntiAffinity"),
				"all " + running + " running pods on " + row.noun + " " + places.iterator().next());
	}

	private static @Nullable Hit budgetMissing(WorkloadView workload) {
		if (workload.replicas() < 2) {
			return null;
		}
		for (DisruptionBudget budget : workload.index().budgets(workload.namespace())) {
			if (Selectors.matches(budget.selector(), workload.podLabels())) {
				return null;
			}
		}
		return new Hit("spec.template.metadata.labels",
				"no PodDisruptionBudget selects " + Values.labels(workload.podLabels()));
	}

	private static @Nullable Hit blocksEviction(DisruptionBudget budget, Index index) {
		String max = budget.maxUnavailable();
		if (max != null && (max.equals("0") || max.equals("0%"))) {
			return new Hit("spec.maxUnavailable", max);
		}
		String min = budget.minAvailable();
		if (min != null && min.equals("100%")) {
			return new Hit("spec.minAvailable", min);
		}
		if (min != null && !min.isEmpty() && min.chars().allMatch(Character::isDigit)) {
			int replicas = 0;
			for (WorkloadView workload : index.views(budget.namespace())) {
				if (Selectors.matches(budget.selector(), workload.podLabels())) {
					replicas += workload.replicas();
				}
			}
			if (replicas > 0 && Integer.parseInt(min) >= replicas) {
				return new Hit("spec.minAvailable", min + " of " + replicas + " replicas");
			}
		}
		if (budget.disruptionsAllowed() != null && budget.disruptionsAllowed() == 0 && budget.expectedPods() != null
				&& budget.expectedPods() > 0 && budget.currentHealthy() != null
				&& budget.currentHealthy() >= budget.expectedPods()) {
			return new Hit("status.disruptionsAllowed", "0 with all " + budget.expectedPods() + " pods healthy");
		}
		return null;
	}

	private static @Nullable Hit targetMissing(Autoscaler hpa, Index index) {
		if (hpa.target() == null) {
			return Hit.unset("spec.scaleTargetRef");
		}
		for (WorkloadView workload : index.views(hpa.namespace())) {
			if (workload.kind().equals(hpa.target().kind())
					&& workload.workload().name().equals(hpa.target().name())) {
				return null;
			}
		}
		return new Hit("spec.scaleTargetRef", hpa.target() + " not found");
	}

	private static Subject subject(DisruptionBudget budget) {
		return new Subject("PodDisruptionBudget", budget.namespace(), budget.name());
	}

	private static Subject subject(Autoscaler hpa) {
		return new Subject("HorizontalPodAutoscaler", hpa.namespace(), hpa.name());
	}

	/** The two levels replicas spread over: nodes and zones. */
	private enum Spread {

		HOSTNAME(Index.HOSTNAME, "spread-hostname-missing", WARNING, "placement-one-node", DANGER, "node"),
		ZONE(Index.ZONE, "spread-zone-missing", INFO, "placement-one-zone", WARNING, "zone");

		private final String label;

		private final String specId;

		private final Severity specSeverity;

		private final String placementId;

		private final Severity placementSeverity;

		private final String noun;

		Spread(String label, String specId, Severity specSeverity, String placementId, Severity placementSeverity,
				String noun) {
			this.label = label;
			this.specId = specId;
			this.specSeverity = specSeverity;
			this.placementId = placementId;
			this.placementSeverity = placementSeverity;
			this.noun = noun;
		}

	}

}
