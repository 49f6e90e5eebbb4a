package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import dev.ballast.isolation.Reachability.Decision;
import dev.ballast.isolation.Reachability.Port;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicy truth table ({@code fixtures/isolation/truth-table.yaml}): for each rule of
 * the Kubernetes documentation and of the upstream e2e netpol tests, a scenario on the e2e model
 * (namespaces x, y, z with pods a, b, c) and the expected verdict per connection.
 */
class NetworkPolicyTruthTableTests {

	private static final Pattern CASE = Pattern.compile("(\\S+) -> (\\S+) (\\d+)/(TCP|UDP|SCTP) (allow|deny)");

	static Stream<Arguments> cases() {
		List<Map<String, Object>> scenarios = new Yaml().load(Fixtures.file("truth-table.yaml"));
		List<Arguments> cases = new ArrayList<>();
		for (Map<String, Object> scenario : scenarios) {
			@SuppressWarnings("unchecked")
			List<String> expect = (List<String>) scenario.get("expect");
			for (String line : expect) {
				cases.add(Arguments.of(scenario.get("name"), scenario.get("policies"), line));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("cases")
	void decidesAsKubernetesDoes(String scenario, String policies, String line) {
		Matcher matcher = CASE.matcher(line);
		assertThat(matcher.matches()).as(line).isTrue();
		NetworkIsolation network = Fixtures.model(policies);
		Reachability reach = Reachability.of(network);
		Decision decision = reach.decide(Fixtures.group(network, matcher.group(1)), Fixtures.group(network, matcher.group(2)),
				new Port(matcher.group(4), Integer.parseInt(matcher.group(3))));
		assertThat(decision.allowed()).as("%s: %s (egress %s, ingress %s)", scenario, line, decision.egress(),
				decision.ingress()).isEqualTo(matcher.group(5).equals("allow"));
	}

	@org.junit.jupiter.api.Test
	void holdsAtLeastFortyCases() {
		assertThat(cases().count()).isGreaterThanOrEqualTo(40);
	}

}
