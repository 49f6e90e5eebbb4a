package dev.ballast;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the modules of ARCHITECTURE.md apart: no cycles, no reach into another module's
 * internals, only the dependencies each module declares.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BallastApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleIsKnown() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString()))
			.isSubsetOf("cluster", "snapshot", "checks", "sizing", "network", "taints", "isolation", "scan", "report",
					"security", "web", "audit", "database");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
