package dev.ballast.scan.cidr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.cluster.Clusters;
import dev.ballast.network.Cidr;
import dev.ballast.network.CidrPlan;
import dev.ballast.network.NetworkAnalysis;
import dev.ballast.network.NetworkCapacity;
import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport;
import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;

/**
 * The CIDR capacity in the API: {@code GET /api/v1/clusters/{name}/cidr} (VIEWER), the planner
 * {@code GET …/cidr/plan} (VIEWER), the overrides {@code PUT}/{@code DELETE …/cidr/overrides} (ADMIN).
 */
@RestController
@RequestMapping("/api/v1/clusters/{name}/cidr")
class CidrApiController {

	private final StoredAnalyses analyses;

	private final CidrReads reads;

	private final OverrideStore store;

	private final Clusters clusters;

	CidrApiController(StoredAnalyses analyses, CidrReads reads, OverrideStore store, Clusters clusters) {
		this.analyses = analyses;
		this.reads = reads;
		this.store = store;
		this.clusters = clusters;
	}

	@GetMapping
	CidrReads.CidrAnswer cidr(@PathVariable String name) {
		Landed<NetworkReport> landed = this.analyses.latestOrProblem(name, NetworkAnalysis.KIND, NetworkAnalysis.VERSION,
				NetworkReport.class);
		return this.reads.answer(clusterId(name), landed.scan(), landed.document());
	}

	@GetMapping("/plan")
	CidrPlan plan(@PathVariable String name, @RequestParam(required = false) @Nullable String nodes,
			@RequestParam(required = false) @Nullable String podsPerNode,
			@RequestParam(required = false) @Nullable String headroom,
			@RequestParam(required = false) @Nullable String services) {
		long clusterId = clusterId(name);
		if (nodes == null || podsPerNode == null) {
			throw ScanProblem.badParameter((nodes == null) ? "nodes" : "podsPerNode", "",
					"a whole number (both nodes and podsPerNode are required)");
		}
		CidrForms.PlanForm form = new CidrForms.PlanForm(nodes, podsPerNode, headroom, services);
		MapBindingResult errors = new MapBindingResult(new java.util.HashMap<>(), "plan");
		CidrPlan plan = form.plan(errors, current(clusterId));
		if (plan == null) {
			var error = Objects.requireNonNull(errors.getFieldError());
			Object[] range = Objects.requireNonNull(error.getArguments());
			String given = switch (error.getField()) {
				case "nodes" -> nodes;
				case "podsPerNode" -> podsPerNode;
				case "headroom" -> String.valueOf(headroom);
				default -> String.valueOf(services);
			};
			throw ScanProblem.badParameter(error.getField(), given, "a whole number from " + range[0] + " to " + range[1]);
		}
		return plan;
	}

	@GetMapping("/overrides")
	NetworkOverrides overrides(@PathVariable String name) {
		return this.store.find(clusterId(name)).overrides();
	}

	@PutMapping("/overrides")
	NetworkOverrides put(@PathVariable String name, @RequestBody NetworkOverrides overrides, Authentication user) {
		long clusterId = clusterId(name);
		List<NetworkOverrides.Problem> problems = overrides.problems();
		if (!problems.isEmpty()) {
			throw new CidrProblem(problems);
		}
		this.store.save(clusterId, overrides, user.getName(), Instant.now());
		return this.store.find(clusterId).overrides();
	}

	@DeleteMapping("/overrides")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.store.delete(clusterId(name));
		return ResponseEntity.noContent().build();
	}

	private long clusterId(String name) {
		return Objects.requireNonNull(this.clusters.byName(name).getId());
	}

	private @Nullable Cidr current(long clusterId) {
		return this.analyses.latest(clusterId, NetworkAnalysis.KIND, NetworkAnalysis.VERSION, NetworkReport.class)
			.map(StoredAnalyses.Stored::document)
			.map((report) -> NetworkCapacity.of(report, this.store.find(clusterId).overrides()))
			.filter((capacity) -> !capacity.families().isEmpty() && capacity.families().get(0).pod() != null)
			.map((capacity) -> Cidr.parseOrNull(capacity.families().get(0).pod().cidr()))
			.orElse(null);
	}

}
