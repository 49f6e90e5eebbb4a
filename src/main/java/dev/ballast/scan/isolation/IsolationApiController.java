package dev.ballast.scan.isolation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.isolation.Finding;
import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.NamespacePosture;
import dev.ballast.isolation.NetworkIsolation;
import dev.ballast.isolation.ReachAnswer;
import dev.ballast.isolation.ReachMatrix;
import dev.ballast.isolation.Reachability;
import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;

/**
 * The isolation API of a cluster, read from its latest landed scan: namespace posture and
 * findings, the namespace reachability matrix for a port, and "can A reach B" with the deciding
 * policies. Bad parameters are a 400 problem naming the parameter.
 */
@RestController
class IsolationApiController {

	private final StoredAnalyses analyses;

	IsolationApiController(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping("/api/v1/clusters/{name}/isolation")
	Posture posture(@PathVariable String name) {
		Landed<IsolationReport> landed = landed(name);
		NetworkIsolation network = landed.document().network();
		return new Posture(landed.scan().id(), network.notes(), network.policiesKnown(), network.cni(),
				network.namespaces(), network.findings());
	}

	@GetMapping("/api/v1/clusters/{name}/isolation/reachability")
	Matrix reachability(@PathVariable String name, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol,
			@RequestParam(name = "ns", required = false) @Nullable List<String> namespaces) {
		Landed<IsolationReport> landed = landed(name);
		NetworkIsolation network = landed.document().network();
		IsolationQuery query = checked(IsolationQuery.of(port, protocol), port, protocol, null, null);
		List<String> shown = IsolationQuery.matrixNamespaces(network, namespaces);
		return new Matrix(landed.scan().id(), network.policiesKnown(), network.cni().enforcement(),
				ReachMatrix.namespaces(Reachability.of(network), shown, query.port()));
	}

	@GetMapping("/api/v1/clusters/{name}/isolation/reach")
	Reach reach(@PathVariable String name, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol) {
		Landed<IsolationReport> landed = landed(name);
		NetworkIsolation network = landed.document().network();
		IsolationQuery query = IsolationQuery.of(port, protocol);
		query.namespace(network, "from", from);
		query.namespace(network, "to", to);
		checked(query, port, protocol, from, to);
		return new Reach(landed.scan().id(), network.policiesKnown(), network.cni().enforcement(),
				ReachAnswer.of(Reachability.of(network), String.valueOf(from), String.valueOf(to), query.port(),
						IsolationQuery.REACH_ROWS));
	}

	private Landed<IsolationReport> landed(String name) {
		return this.analyses.latestOrProblem(name, IsolationAnalysis.KIND, IsolationAnalysis.VERSION,
				IsolationReport.class);
	}

	private static IsolationQuery checked(IsolationQuery query, @Nullable String port, @Nullable String protocol,
			@Nullable String from, @Nullable String to) {
		for (Map.Entry<String, String> error : query.errors().entrySet()) {
			String parameter = error.getKey();
			switch (parameter) {
				case "port" -> throw ScanProblem.badParameter("port", String.valueOf(port), "1-65535");
				case "protocol" -> throw ScanProblem.badParameter("protocol", String.valueOf(protocol), "TCP, UDP or SCTP");
				default -> throw ScanProblem.badParameter(parameter,
						String.valueOf("from".equals(parameter) ? from : to), "a namespace of the cluster");
			}
		}
		return query;
	}

	/**
	 * Posture and findings.
	 *
	 * @param scanId the scan read
	 * @param notes what could not be known
	 * @param policiesKnown whether the scan could read NetworkPolicies
	 * @param cni the network plugin and whether it enforces NetworkPolicy
	 * @param namespaces the posture of every namespace
	 * @param findings the findings, worst first
	 */
	record Posture(long scanId, List<String> notes, boolean policiesKnown, NetworkIsolation.Cni cni,
			List<NamespacePosture> namespaces, List<Finding> findings) {
	}

	/**
	 * The namespace matrix.
	 *
	 * @param scanId the scan read
	 * @param policiesKnown whether the scan could read NetworkPolicies (if not, the matrix is unknown)
	 * @param enforcement whether the network plugin enforces what the matrix says
	 * @param matrix the matrix
	 */
	record Matrix(long scanId, boolean policiesKnown, NetworkIsolation.Enforcement enforcement, ReachMatrix matrix) {
	}

	/**
	 * The answer to "can A reach B".
	 *
	 * @param scanId the scan read
	 * @param policiesKnown whether the scan could read NetworkPolicies
	 * @param enforcement whether the network plugin enforces the answer
	 * @param answer the answer
	 */
	record Reach(long scanId, boolean policiesKnown, NetworkIsolation.Enforcement enforcement, ReachAnswer answer) {
	}

}
