package dev.ballast.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the analyses of a cluster's latest landed scan want read in the e-mail report, worst
 * first: each analysis page contributes a {@link Source}.
 */
@Service
public class Highlights {

	private static final Map<String, Integer> ORDER = Map.of("danger", 0, "warning", 1, "info", 2);

	private final List<Source> sources;

	Highlights(List<Source> sources) {
		this.sources = List.copyOf(sources);
	}

	/**
	 * The highlights of a cluster.
	 * @param clusterId the cluster's id
	 * @param clusterName its name
	 * @return the lines, danger first, each section's sources in their order
	 */
	public List<Highlight> of(long clusterId, String clusterName) {
		List<Highlight> all = new ArrayList<>();
		for (Source source : this.sources) {
			all.addAll(source.highlights(clusterId, clusterName));
		}
		all.sort(Comparator.comparing((Highlight h) -> ORDER.getOrDefault(h.severity(), 3)));
		return all;
	}

	/**
	 * The first lines of a list, and one more line (info, same section and page) counting those
	 * left out.
	 * @param lines the lines, worst first
	 * @param listed how many to keep
	 * @param moreCode the message code of the last line, whose argument is how many were left out
	 * @return the lines kept
	 */
	public static List<Highlight> firstOf(List<Highlight> lines, int listed, String moreCode) {
		if (lines.size() <= listed) {
			return lines;
		}
		List<Highlight> kept = new ArrayList<>(lines.subList(0, listed));
		Highlight first = lines.get(0);
		kept.add(new Highlight(first.section(), "info", moreCode, List.of(lines.size() - listed), first.path()));
		return kept;
	}

	/** An analysis that has something to say outside its page. */
	public interface Source {

		/**
		 * The highlights of a cluster's latest landed scan.
		 * @param clusterId the cluster's id
		 * @param clusterName its name
		 * @return the lines; none when the scan holds no such analysis
		 */
		List<Highlight> highlights(long clusterId, String clusterName);

	}

}
