package dev.ballast.scan.taints;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ManifestReader;
import dev.ballast.taints.TaintAnalysis;
import dev.ballast.taints.TaintMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the taint map page shows of the demo's map: filters, pages, profiles, bad filter values.
 */
class TaintViewTests {

	private static final TaintMap DEMO = TaintAnalysis
		.of(new ManifestReader().read("demo", List.of(Path.of("src/main/resources/demo"))));

	@Test
	void workloadsWithoutConstraintsShareOneProfile() {
		TaintView view = TaintView.of(DEMO, TaintFilter.of(null, null, null, null));
		// 40 workloads; 26 have no toleration, selector or extended resource of their own
		assertThat(view.matching()).isEqualTo(40);
		assertThat(view.profiles()).hasSize(10);
		assertThat(view.profiles().get(0).workloads()).isEqualTo(26);
		assertThat(view.profiles().stream().mapToInt(TaintView.ProfileView::workloads).sum()).isEqualTo(40);
	}

	@Test
	void filtersSelectRowsAndColumns() {
		TaintView ml = TaintView.of(DEMO, TaintFilter.of("ml", "NoExecute", null, null));
		assertThat(ml.rows()).extracting((row) -> row.row().name())
			.containsExactly("retrain-weekly", "feature-store", "model-serving", "notebook", "training-run-42");
		assertThat(ml.groups()).extracting(TaintMap.NodeGroup::id).containsExactly("g3");
		assertThat(TaintView.of(DEMO, TaintFilter.of(null, "none", null, null)).groups())
			.extracting(TaintMap.NodeGroup::id).containsExactly("g1", "g2", "g5");
		assertThat(TaintView.of(DEMO, TaintFilter.of(null, null, "gpu", null)).groups()).hasSize(2);
	}

	@Test
	void rowsComeInPages() {
		TaintView second = TaintView.of(DEMO, TaintFilter.of(null, null, null, 2), 15);
		assertThat(second.pages()).isEqualTo(3);
		assertThat(second.rows()).hasSize(15);
		TaintView beyond = TaintView.of(DEMO, TaintFilter.of(null, null, null, 99), 15);
		assertThat(beyond.page()).isEqualTo(3);
		assertThat(beyond.rows()).hasSize(10);
	}

	@Test
	void valuesThatNameNothingAreProblems() {
		assertThat(TaintFilter.of("nowhere", "Sometimes", "nope", null).problems(DEMO)).isEqualTo(Map.of("namespace",
				"taints.filter.namespace.unknown", "effect", "taints.filter.effect.unknown", "pool",
				"taints.filter.pool.unknown"));
		assertThat(TaintFilter.of(" ml ", "none", "gpu", -3).problems(DEMO)).isEmpty();
	}

}
