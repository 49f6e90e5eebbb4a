package dev.ballast.network;

import org.junit.jupiter.api.Test;

import dev.ballast.network.NetworkOverrides.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkOverridesTests {

	@Test
	void acceptsValidOverrides() {
		assertThat(new NetworkOverrides("10.244.0.0/16", "10.96.0.0/12", 24, 110, null).problems()).isEmpty();
		// a service range carved from the pod range (TKE GlobalRouter) is allowed
		assertThat(new NetworkOverrides("10.99.0.0/19", "10.99.28.0/22", 24, null, null).problems()).isEmpty();
		assertThat(new NetworkOverrides("10.244.0.0/16,fd00::/56", null, null, null, null).problems()).isEmpty();
		assertThat(NetworkOverrides.NONE.problems()).isEmpty();
	}

	@Test
	void refusesInvalidAndOverlappingRanges() {
		assertThat(new NetworkOverrides("10.244.0.1/16", null, null, null, null).problems()).extracting(Problem::field,
				Problem::code).containsExactly(org.assertj.core.groups.Tuple.tuple("podCidrs", "cidr"));
		assertThat(new NetworkOverrides("10.0.0.0/16,10.1.0.0/16", null, null, null, null).problems()).hasSize(1);
		// the pod range inside the service range is not a carve-out
		assertThat(new NetworkOverrides("10.96.0.0/16", "10.96.0.0/12", null, null, null).problems())
			.extracting(Problem::code).containsExactly("overlap");
		assertThat(new NetworkOverrides("10.96.0.0/12", "10.96.0.0/12", null, null, null).problems())
			.extracting(Problem::code).containsExactly("overlap");
	}

	@Test
	void refusesMasksAndLimitsOutOfRange() {
		assertThat(new NetworkOverrides("10.244.0.0/16", null, 15, null, null).problems()).extracting(Problem::field)
			.containsExactly("nodeMask");
		assertThat(new NetworkOverrides(null, null, 33, 0, null).problems()).extracting(Problem::field)
			.containsExactly("nodeMask", "maxPods");
		assertThat(new NetworkOverrides(null, null, 32, 2048, null).problems()).isEmpty();
	}

}
