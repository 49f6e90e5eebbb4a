package dev.ballast.scan.cidr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.ballast.network.Growth;
import dev.ballast.network.NetworkAnalysis;
import dev.ballast.network.NetworkCapacity;
import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport;
import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NodeCapacity;
import dev.ballast.scan.Scan;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Value;

/**
 * The CIDR answer of one cluster, shared by the page and the API: the stored network analysis of
 * the latest landed scan with the cluster's overrides applied, and the forecast from the scans
 * of the last {@value #FORECAST_DAYS} days.
 */
@Service
class CidrReads {

	/** The history the growth rate is fitted to. */
	static final int FORECAST_DAYS = 90;

	private final StoredAnalyses analyses;

	private final OverrideStore overrides;

	CidrReads(StoredAnalyses analyses, OverrideStore overrides) {
		this.analyses = analyses;
		this.overrides = overrides;
	}

	OverrideStore.Stored overrides(long clusterId) {
		return this.overrides.find(clusterId);
	}

	CidrAnswer answer(long clusterId, Scan scan, NetworkReport report) {
		OverrideStore.Stored stored = this.overrides.find(clusterId);
		NetworkCapacity capacity = NetworkCapacity.of(report, stored.overrides());
		List<NodeCapacity> nodes = NetworkCapacity.nodes(report, stored.overrides());
		Instant since = scan.startedAt().minus(Duration.ofDays(FORECAST_DAYS));
		List<Value> nodeSeries = series(clusterId, "nodes", since);
		List<Value> podSeries = series(clusterId, "podIps", since);
		Long nodesLeft = capacity.nodesCanJoin();
		Growth nodeGrowth = Growth.of(points(nodeSeries), (nodesLeft != null) ? nodesLeft : 0, scan.startedAt());
		long podsLeft = podsLeft(capacity, report.usage().podIps());
		Growth podGrowth = Growth.of(points(podSeries), podsLeft, scan.startedAt());
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < nodeSeries.size() && i < podSeries.size(); i++) {
			samples.add(new Sample(nodeSeries.get(i).at().getEpochSecond(), value(nodeSeries.get(i)), value(podSeries.get(i))));
		}
		Forecast forecast = new Forecast(FORECAST_DAYS, (nodesLeft != null) ? nodeGrowth : null, podGrowth, podsLeft,
				samples);
		return new CidrAnswer(scan.id(), scan.startedAt(), report.plugin(), report.podRanges(), report.serviceRanges(),
				report.nodeMasks(), report.usage(), capacity, nodes, forecast, stored.overrides(), stored.changedBy(),
				stored.changedAt(), notes(report.notes(), stored.overrides()));
	}

	/** The stored notes less those an override answers (a guessed range the administrator set). */
	static List<NetworkReport.Note> notes(List<NetworkReport.Note> notes, NetworkOverrides overrides) {
		return notes.stream().filter((note) -> switch (note.code()) {
			case "pod-range-guessed", "pod-range-unknown" -> overrides.podCidrs() == null;
			case "service-range-guessed", "service-range-unknown" -> overrides.serviceCidrs() == null;
			case "mask-default" -> overrides.nodeMask() == null;
			default -> true;
		}).toList();
	}

	/**
	 * Pod IPs left: in node-block mode what the pod range can still hand out
	 * ({@code podIpsRange − used}, the smallest over families); otherwise what the nodes can still
	 * address.
	 */
	static long podsLeft(NetworkCapacity capacity, long used) {
		if (capacity.mode() == Mode.NODE_BLOCKS && capacity.nodesCanJoin() != null) {
			long range = Long.MAX_VALUE;
			for (NetworkCapacity.Family family : capacity.families()) {
				if (family.pod() != null && family.mask() != null) {
					range = Math.min(range, family.podIpsRange());
				}
			}
			if (range != Long.MAX_VALUE) {
				return Math.max(0, range - used);
			}
		}
		return capacity.podIpsFree();
	}

	private List<Value> series(long clusterId, String field, Instant since) {
		return this.analyses.series(clusterId, NetworkAnalysis.KIND, NetworkAnalysis.VERSION, List.of("usage", field), since);
	}

	private static List<Growth.Point> points(List<Value> values) {
		return values.stream().map((v) -> new Growth.Point(v.at(), v.value())).toList();
	}

	private static long value(Value value) {
		return (value.value() != null) ? Math.round(value.value()) : 0;
	}

	/**
	 * The CIDR page's content.
	 *
	 * @param scanId the scan read
	 * @param scannedAt when its snapshot was taken
	 * @param plugin the network plugin and mode discovered
	 * @param podRanges pod range candidates with their evidence, the applied first per family
	 * @param serviceRanges service range candidates with their evidence
	 * @param nodeMasks node masks discovered
	 * @param usage what is in use
	 * @param capacity the capacity with the overrides applied
	 * @param nodes per node
	 * @param forecast growth and exhaustion
	 * @param overrides the overrides applied
	 * @param overriddenBy who set them
	 * @param overriddenAt when
	 * @param notes what the analysis could not know or assumed
	 */
	record CidrAnswer(long scanId, Instant scannedAt, NetworkReport.Plugin plugin, List<NetworkReport.Range> podRanges,
			List<NetworkReport.Range> serviceRanges, List<NetworkReport.Mask> nodeMasks, NetworkReport.Usage usage,
			NetworkCapacity capacity, List<NodeCapacity> nodes, Forecast forecast, NetworkOverrides overrides,
			@Nullable String overriddenBy, @Nullable Instant overriddenAt, List<NetworkReport.Note> notes) {
	}

	/**
	 * Growth over the last days and when it exhausts the addresses.
	 *
	 * @param days the history read
	 * @param nodes node growth and when no node block is left; {@code null} when nodes are not
	 * bounded by blocks
	 * @param podIps pod IP growth and when none is left
	 * @param podIpsLeft the pod IPs the forecast counts down
	 * @param samples the scans read, oldest first
	 */
	record Forecast(int days, @Nullable Growth nodes, Growth podIps, long podIpsLeft, List<Sample> samples) {
	}

	/**
	 * One past scan.
	 *
	 * @param at when, epoch seconds
	 * @param nodes nodes
	 * @param podIps pod IPs in use
	 */
	record Sample(long at, long nodes, long podIps) {
	}

}
