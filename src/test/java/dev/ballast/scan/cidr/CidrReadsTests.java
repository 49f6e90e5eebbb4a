package dev.ballast.scan.cidr;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.network.NetworkCapacity;
import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.Note;

import static org.assertj.core.api.Assertions.assertThat;

class CidrReadsTests {

	private static final List<Note> NOTES = List.of(new Note("pod-range-guessed", List.of("10.244.0.0/22")),
			new Note("service-range-guessed", List.of("10.96.0.0/12", "default/kubernetes 10.96.0.1")),
			new Note("nodes-without-block", List.of("1", "late")));

	@Test
	void anOverrideAnswersTheGuessItReplaces() {
		assertThat(CidrReads.notes(NOTES, NetworkOverrides.NONE)).hasSize(3);
		assertThat(CidrReads.notes(NOTES, new NetworkOverrides("10.244.0.0/16", null, null, null, null)))
			.extracting(Note::code).containsExactly("service-range-guessed", "nodes-without-block");
		assertThat(CidrReads.notes(NOTES, new NetworkOverrides(null, "10.96.0.0/16", null, null, null)))
			.extracting(Note::code).containsExactly("pod-range-guessed", "nodes-without-block");
	}

	@Test
	void podIpsLeftAreTheRangesInNodeBlockModeAndTheNodesOtherwise() {
		NetworkCapacity blocks = new NetworkCapacity(Mode.NODE_BLOCKS, List.of(), 60, 732, 672, 52L, 0, false);
		// without a family with a known range nothing bounds the range: the nodes' free addresses
		assertThat(CidrReads.podsLeft(blocks, 60)).isEqualTo(672);
		NetworkCapacity vpc = new NetworkCapacity(Mode.VPC_NATIVE, List.of(), 10, 29, 19, null, 0, false);
		assertThat(CidrReads.podsLeft(vpc, 10)).isEqualTo(19);
	}

}
