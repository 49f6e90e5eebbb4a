package dev.ballast.snapshot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import dev.ballast.cluster.CheckOutcome;
import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.ClusterAccessException;
import dev.ballast.cluster.ClusterClients;
import dev.ballast.cluster.ClusterRegistry;
import dev.ballast.cluster.ClusterSource;
import dev.ballast.cluster.Clusters;
import dev.ballast.cluster.LastCheck;

/**
 * Takes the snapshot of a registered cluster, wherever its objects come from: the bundled demo
 * manifests, manifest files on disk, or the live API server. A live cluster's credential is
 * checked again before every snapshot (the read-only self-check): when the check cannot be made
 * (revoked credential, unreachable server) there is no snapshot; a credential that can write, read
 * Secrets or exec is refused unless an administrator accepted it, and then the snapshot carries a
 * warning saying so.
 */
@Service
public class ClusterSnapshots {

	private final Clusters clusters;

	private final ClusterRegistry registry;

	private final ClusterClients clients;

	private final LiveCollector collector;

	ClusterSnapshots(Clusters clusters, ClusterRegistry registry, ClusterClients clients, LiveCollector collector) {
		this.clusters = clusters;
		this.registry = registry;
		this.clients = clients;
		this.collector = collector;
	}

	/**
	 * Takes a snapshot of a cluster.
	 * @param clusterName the registered cluster
	 * @param progress told what happens
	 * @return the snapshot, with its gaps
	 * @throws SnapshotFailedException why no snapshot could be taken: unreachable, refused
	 * credential, write-capable credential, unreadable manifests
	 */
	public ClusterSnapshot take(String clusterName, LiveCollector.Progress progress) {
		Cluster cluster = this.clusters.byName(clusterName);
		try {
			if (cluster.isLive()) {
				return live(cluster, progress);
			}
			ManifestReader reader = new ManifestReader(ManifestReader.Settings.defaults().withBestEffort(true));
			if (cluster.getSource() == ClusterSource.DEMO) {
				try (InputStream in = bundled(String.valueOf(cluster.getManifestLocation()))) {
					return reader.read(clusterName, "demo manifests", in);
				}
			}
			return reader.read(clusterName, List.of(Path.of(String.valueOf(cluster.getManifestLocation()))));
		}
		catch (ClusterAccessException ex) {
			throw new SnapshotFailedException(ex.getMessage(), ex);
		}
		catch (IOException | ManifestException ex) {
			throw new SnapshotFailedException("The manifests of " + clusterName + " could not be read: "
					+ ex.getMessage(), ex);
		}
	}

	private ClusterSnapshot live(Cluster cluster, LiveCollector.Progress progress) throws ClusterAccessException {
		LastCheck check = this.registry.retest(cluster.getName()).getLastCheck();
		CheckOutcome outcome = (check != null) ? check.outcome() : null;
		if (check == null || outcome == null || !outcome.reachable()) {
			throw new SnapshotFailedException("The read-only self-check of " + cluster.getName()
					+ " could not be made, so it was not scanned: "
					+ ((check != null && check.message() != null) ? check.message() : "no outcome."), null);
		}
		if (outcome == CheckOutcome.WRITE_CAPABLE && !cluster.isWriteCapableOverride()) {
			throw new SnapshotFailedException("The credential of " + cluster.getName()
					+ " can do more than read and no administrator accepted it: " + sample(check.dangerousList(), 10)
					+ " (the cluster's page lists them all)", null);
		}
		ClusterSnapshot snapshot = this.collector.collect(() -> this.clients.clientFor(cluster.getName()),
				cluster.getName(), progress);
		return (outcome == CheckOutcome.WRITE_CAPABLE) ? snapshot.withWarning(writeCapable(cluster, check)) : snapshot;
	}

	private static String writeCapable(Cluster cluster, LastCheck check) {
		List<String> dangerous = check.dangerousList();
		return "The credential can do more than read (" + sample(dangerous, 3) + "); " + cluster.getWriteOverrideBy()
				+ " accepted it: " + cluster.getWriteOverrideReason();
	}

	/**
	 * The most alarming permissions of a list (Secrets, exec and the like, impersonation and
	 * escalation, deletion, then the rest) and how many there are in all.
	 */
	private static String sample(List<String> permissions, int shown) {
		List<String> ranked = new ArrayList<>(permissions);
		ranked.sort(Comparator.comparingInt(ClusterSnapshots::alarm));
		String first = String.join(", ", ranked.subList(0, Math.min(shown, ranked.size())));
		return (permissions.size() <= shown) ? first
				: permissions.size() + " dangerous permissions, such as " + first;
	}

	private static int alarm(String permission) {
		if (permission.contains("secrets")) {
			return 0;
		}
		if (permission.matches(".*(exec|attach|portforward|proxy|impersonate|escalate|bind).*")) {
			return 1;
		}
		return permission.startsWith("delete") ? 2 : 3;
	}

	/** The bundled files of a {@code classpath:...} folder, in name order, as one YAML stream. */
	private static InputStream bundled(String location) throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "*.yaml");
		List<Resource> sorted = new ArrayList<>(List.of(resources));
		sorted.sort(Comparator.comparing((resource) -> String.valueOf(resource.getFilename())));
		List<InputStream> parts = new ArrayList<>();
		for (Resource resource : sorted) {
			parts.add(resource.getInputStream());
			parts.add(new ByteArrayInputStream("\n---\n".getBytes(StandardCharsets.UTF_8)));
		}
		return new SequenceInputStream(Collections.enumeration(parts));
	}

}
