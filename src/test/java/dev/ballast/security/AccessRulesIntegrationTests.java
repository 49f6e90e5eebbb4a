package dev.ballast.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of the application, found at run time in the handler mappings (controllers of
 * every module and the actuator), against every caller: anonymous, VIEWER, OPERATOR, ADMIN. An
 * endpoint without a row in {@link #MINIMUM_ROLE} fails, so a new endpoint cannot slip in
 * without someone deciding who may use it (and a line in {@code AccessRules}); two endpoints
 * this test adds without a rule show that such an endpoint is refused to everyone.
 */
@SecurityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIntegrationTests {

	/** Who may call an endpoint at least. NOBODY: refused to everyone (denied by default). */
	enum Access {

		ANONYMOUS, VIEWER, OPERATOR, ADMIN, NOBODY

	}

	/** Who calls. */
	enum Caller {

		ANONYMOUS, VIEWER, OPERATOR, ADMIN

	}

	private static final Map<String, Access> MINIMUM_ROLE = table(
			// web: error page; the analysis areas' landing
			"GET /error", Access.ANONYMOUS,
			"GET /{area:sizing|cidr|taints|isolation}", Access.VIEWER,
			// scan/cidr: CIDR capacity page and API, planner, overrides (ADMIN)
			"GET /clusters/{name}/cidr", Access.VIEWER,
			"POST /clusters/{name}/cidr/overrides", Access.ADMIN,
			"GET /api/v1/clusters/{name}/cidr", Access.VIEWER,
			"GET /api/v1/clusters/{name}/cidr/plan", Access.VIEWER,
			"GET /api/v1/clusters/{name}/cidr/overrides", Access.VIEWER,
			"PUT /api/v1/clusters/{name}/cidr/overrides", Access.ADMIN,
			"DELETE /api/v1/clusters/{name}/cidr/overrides", Access.ADMIN,
			// scan: isolation (network side) pages, images and API
			"GET /clusters/{name}/isolation", Access.VIEWER,
			"GET /clusters/{name}/isolation/reach", Access.VIEWER,
			"GET /clusters/{name}/isolation/matrix.svg", Access.VIEWER,
			"GET /clusters/{name}/isolation/matrix.png", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation/reachability", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation/reach", Access.VIEWER,
			// scan.rbac: RBAC risks and "who can" (read-only, GET forms)
			"GET /clusters/{name}/isolation/rbac", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation/rbac", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation/rbac/who-can", Access.VIEWER,
			"GET /api/v1/clusters/{name}/isolation/rbac/permissions", Access.VIEWER,
			// report: subscriptions, SMTP settings, delivery log (ADMIN)
			"GET /reports", Access.ADMIN,
			"GET /reports/new", Access.ADMIN,
			"GET /reports/{id}/edit", Access.ADMIN,
			"POST /reports", Access.ADMIN,
			"POST /reports/{id}", Access.ADMIN,
			"POST /reports/{id}/delete", Access.ADMIN,
			"POST /reports/{id}/send", Access.ADMIN,
			"GET /reports/deliveries", Access.ADMIN,
			"GET /reports/smtp", Access.ADMIN,
			"POST /reports/smtp", Access.ADMIN,
			"POST /reports/smtp/test", Access.ADMIN,
			"GET /api/v1/reports/subscriptions", Access.ADMIN,
			"GET /api/v1/reports/subscriptions/{id}", Access.ADMIN,
			"POST /api/v1/reports/subscriptions", Access.ADMIN,
			"POST /api/v1/reports/subscriptions/{id}/send", Access.ADMIN,
			"GET /api/v1/reports/deliveries", Access.ADMIN,
			// checks: the catalogue
			"GET /checks", Access.VIEWER,
			"GET /checks/settings", Access.VIEWER,
			"POST /checks/settings", Access.OPERATOR,
			"GET /checks/exemptions", Access.VIEWER,
			"POST /checks/exemptions", Access.OPERATOR,
			"POST /checks/exemptions/{id}/revoke", Access.OPERATOR,
			"GET /checks/custom", Access.VIEWER,
			"GET /checks/custom/new", Access.OPERATOR,
			"GET /checks/custom/{id}/edit", Access.OPERATOR,
			"POST /checks/custom", Access.OPERATOR,
			"POST /checks/custom/{id}/disable", Access.OPERATOR,
			"POST /checks/custom/{id}/enable", Access.OPERATOR,
			"POST /checks/custom/{id}/delete", Access.OPERATOR,
			"GET /api/v1/checks", Access.VIEWER,
			"GET /api/v1/checks/settings", Access.VIEWER,
			"PUT /api/v1/checks/settings", Access.OPERATOR,
			"GET /api/v1/checks/exemptions", Access.VIEWER,
			"POST /api/v1/checks/exemptions", Access.OPERATOR,
			"DELETE /api/v1/checks/exemptions/{id}", Access.OPERATOR,
			"GET /api/v1/checks/custom", Access.VIEWER,
			"POST /api/v1/checks/custom", Access.OPERATOR,
			"DELETE /api/v1/checks/custom/{id}", Access.OPERATOR,
			"POST /api/v1/checks/custom/test", Access.OPERATOR,
			// audit: manifests uploaded, checked, nothing saved
			"GET /audit", Access.VIEWER,
			"POST /audit", Access.VIEWER,
			"POST /api/v1/audit", Access.VIEWER,
			// cluster
			"GET /", Access.VIEWER,
			"GET /clusters", Access.VIEWER,
			"GET /clusters/{name}", Access.VIEWER,
			"GET /clusters/new", Access.ADMIN,
			"POST /clusters", Access.ADMIN,
			"POST /clusters/{name}/test", Access.ADMIN,
			"POST /clusters/{name}/delete", Access.ADMIN,
			"GET /api/v1/clusters", Access.VIEWER,
			"GET /api/v1/clusters/{name}", Access.VIEWER,
			"POST /api/v1/clusters", Access.ADMIN,
			"POST /api/v1/clusters/{name}/test", Access.ADMIN,
			"DELETE /api/v1/clusters/{name}", Access.ADMIN,
			// taints: the taint map, one node, the matrix as images, the API
			"GET /clusters/{name}/taints", Access.VIEWER,
			"GET /clusters/{name}/taints/nodes/{node}", Access.VIEWER,
			"GET /clusters/{name}/taints/matrix.svg", Access.VIEWER,
			"GET /clusters/{name}/taints/matrix.png", Access.VIEWER,
			"GET /api/v1/clusters/{name}/taints", Access.VIEWER,
			"GET /api/v1/clusters/{name}/taints/nodes/{node}", Access.VIEWER,
			// scan: history in the API
			"GET /api/v1/scans", Access.VIEWER,
			"GET /api/v1/scans/{id}", Access.VIEWER,
			"GET /api/v1/scans/{id}/progress", Access.VIEWER,
			"GET /api/v1/scans/{id}/diff", Access.VIEWER,
			"GET /api/v1/scans/{id}/analyses", Access.VIEWER,
			"GET /api/v1/scans/{id}/analyses/{kind}", Access.VIEWER,
			"POST /api/v1/clusters/{name}/scans", Access.OPERATOR,
			"GET /api/v1/clusters/{name}/diff", Access.VIEWER,
			"GET /api/v1/clusters/{name}/schedule", Access.VIEWER,
			"PUT /api/v1/clusters/{name}/schedule", Access.ADMIN,
			"GET /api/v1/findings", Access.VIEWER,
			"GET /api/v1/scores", Access.VIEWER,
			"GET /api/v1/trends", Access.VIEWER,
			// scan: pages
			"GET /scans", Access.VIEWER,
			"GET /scans/{id}", Access.VIEWER,
			"GET /scans/{id}/diff", Access.VIEWER,
			"GET /findings", Access.VIEWER,
			"POST /clusters/{name}/scan", Access.OPERATOR,
			"GET /clusters/{name}/schedule", Access.ADMIN,
			"POST /clusters/{name}/schedule", Access.ADMIN,
			// namespace and workload pages; exempting from the workload page
			"GET /clusters/{name}/namespaces/{namespace}", Access.VIEWER,
			"GET /clusters/{name}/workloads/{namespace}/{kind}/{workload}", Access.VIEWER,
			"POST /clusters/{name}/workloads/{namespace}/{kind}/{workload}/exemptions", Access.OPERATOR,
			// sizing: the page and the API, what-if included (GET, nothing saved)
			"GET /clusters/{name}/sizing", Access.VIEWER,
			"GET /api/v1/clusters/{name}/sizing", Access.VIEWER,
			"GET /api/v1/clusters/{name}/sizing/what-if", Access.VIEWER,
			// security: pages
			"GET /login", Access.ANONYMOUS,
			"GET /settings", Access.VIEWER,
			"GET /settings/tokens", Access.VIEWER,
			"GET /settings/password", Access.VIEWER,
			"POST /settings/password", Access.VIEWER,
			"POST /settings/tokens", Access.VIEWER,
			"POST /settings/tokens/{id}/revoke", Access.VIEWER,
			"GET /settings/users", Access.ADMIN,
			"GET /settings/users/new", Access.ADMIN,
			"POST /settings/users", Access.ADMIN,
			"POST /settings/users/{id}/role", Access.ADMIN,
			"POST /settings/users/{id}/disable", Access.ADMIN,
			"POST /settings/users/{id}/enable", Access.ADMIN,
			"GET /settings/users/{id}/password", Access.ADMIN,
			"POST /settings/users/{id}/password", Access.ADMIN,
			"GET /settings/audit", Access.ADMIN,
			// security: API
			"GET /api/v1/me", Access.VIEWER,
			"GET /api/v1/users", Access.ADMIN,
			"GET /api/v1/tokens", Access.VIEWER,
			"POST /api/v1/tokens", Access.VIEWER,
			"DELETE /api/v1/tokens/{id}", Access.VIEWER,
			// web: the API's documentation (Swagger UI is a page; the document is API)
			"GET /api/docs", Access.VIEWER,
			"GET /api/v1/openapi.json", Access.VIEWER,
			"GET /api/v1/openapi.json.yaml", Access.VIEWER,
			"GET /api/v1/openapi.json/swagger-config", Access.VIEWER,
			// report: the preview of a subscription's report
			"GET /reports/{id}/preview", Access.ADMIN,
			"GET /reports/{id}/preview.html", Access.ADMIN,
			"GET /reports/{id}/preview.pdf", Access.ADMIN,
			"GET /reports/{id}/preview/inline/{cid:.+}", Access.ADMIN,
			"GET /api/v1/reports/subscriptions/{id}/preview", Access.ADMIN,
			// actuator (Prometheus also takes any API token: ApiTokenIntegrationTests)
			"GET /actuator", Access.NOBODY,
			"GET /actuator/health", Access.ANONYMOUS,
			"GET /actuator/health/**", Access.ANONYMOUS,
			"GET /actuator/info", Access.VIEWER,
			"GET /actuator/prometheus", Access.ADMIN,
			// registered by this test, with no rule in AccessRules: refused by default
			"GET /unguarded", Access.NOBODY,
			"GET /api/v1/unguarded", Access.NOBODY);

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\*?)(\\w+)(?::([^}]*))?}");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private List<RequestMappingInfoHandlerMapping> handlerMappings;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping controllers;

	private final List<RequestMappingInfo> unguarded = new ArrayList<>();

	/** A page and an API endpoint that someone forgot to give an access rule. */
	@BeforeAll
	void addEndpointsWithoutRules() throws NoSuchMethodException {
		for (String path : new String[] { "/unguarded", "/api/v1/unguarded" }) {
			RequestMappingInfo info = RequestMappingInfo.paths(path)
				.methods(RequestMethod.GET)
				.options(this.controllers.getBuilderConfiguration())
				.build();
			this.controllers.registerMapping(info, new Unguarded(), Unguarded.class.getMethod("reached"));
			this.unguarded.add(info);
		}
	}

	@AfterAll
	void removeEndpointsWithoutRules() {
		this.unguarded.forEach(this.controllers::unregisterMapping);
	}

	@ParameterizedTest(name = "{0} as {2}")
	@MethodSource("endpointsAndCallers")
	void everyEndpointAdmitsExactlyTheRolesOfItsRow(String endpoint, String path, Caller caller) throws Exception {
		Access minimum = MINIMUM_ROLE.get(endpoint);
		if (minimum == null) {
			fail("No row for '%s' in MINIMUM_ROLE: decide who may call it, add a rule to AccessRules "
					+ "and a row to this table", endpoint);
		}
		HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
		MockHttpServletRequestBuilder request = request(method, path);
		if (!method.equals(HttpMethod.GET)) {
			request.with(csrf());
		}
		if (caller != Caller.ANONYMOUS) {
			request.with(SecurityTestSupport.signedIn(new SignedInUser(0, "matrix-" + caller.name().toLowerCase(),
					Role.valueOf(caller.name()))));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		boolean api = (path.startsWith("/api/") && !path.startsWith("/api/docs")) || path.startsWith("/actuator");
		boolean allowed = minimum != Access.NOBODY && caller.ordinal() >= minimum.ordinal();
		String what = endpoint + " (" + path + ") as " + caller;
		if (allowed) {
			assertThat(response.getStatus()).as(what + " is allowed").isNotIn(401, 403);
			assertThat(Objects.toString(response.getRedirectedUrl(), "")).as(what + " is allowed")
				.doesNotEndWith("/login");
		}
		else if (caller == Caller.ANONYMOUS && api) {
			assertThat(response.getStatus()).as(what + " is refused").isEqualTo(401);
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		else if (caller == Caller.ANONYMOUS) {
			assertThat(response.getStatus()).as(what + " goes to sign in").isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(what + " goes to sign in").endsWith("/login");
		}
		else {
			assertThat(response.getStatus()).as(what + " is forbidden").isEqualTo(403);
			if (api) {
				assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}
		}
	}

	@Test
	void everyRowNamesAnEndpointThatExists() {
		assertThat(endpoints().keySet()).containsAll(MINIMUM_ROLE.keySet());
	}

	@Test
	void anAddressThatLeadsNowhereIsNotFoundForSignedInUsersOnly() throws Exception {
		SignedInUser viewer = new SignedInUser(0, "matrix-viewer", Role.VIEWER);
		assertThat(status(request(HttpMethod.GET, "/no-such-page").with(SecurityTestSupport.signedIn(viewer))))
			.isEqualTo(404);
		assertThat(status(request(HttpMethod.GET, "/api/v1/no-such-thing").with(SecurityTestSupport.signedIn(viewer))))
			.isEqualTo(404);
		assertThat(status(request(HttpMethod.GET, "/no-such-page"))).isEqualTo(302);
		assertThat(status(request(HttpMethod.GET, "/api/v1/no-such-thing"))).isEqualTo(401);
		assertThat(status(request(HttpMethod.DELETE, "/settings").with(SecurityTestSupport.signedIn(viewer))
			.with(csrf()))).as("a mapped address, another method").isEqualTo(403);
	}

	@Test
	void assetsAndHealthAreOpenToEveryone() throws Exception {
		assertThat(status(request(HttpMethod.GET, "/images/ballast.svg"))).isEqualTo(200);
		assertThat(status(request(HttpMethod.GET, "/actuator/health"))).isEqualTo(200);
		assertThat(status(request(HttpMethod.GET, "/actuator/health/liveness"))).isEqualTo(200);
	}

	Stream<Arguments> endpointsAndCallers() {
		List<Arguments> arguments = new ArrayList<>();
		endpoints().forEach((endpoint, paths) -> {
			for (String path : paths) {
				for (Caller caller : Caller.values()) {
					arguments.add(Arguments.of(endpoint, path, caller));
				}
			}
		});
		return arguments.stream();
	}

	/** "METHOD /pattern" of every handler method, with concrete paths to call it by. */
	private Map<String, Set<String>> endpoints() {
		Map<String, Set<String>> endpoints = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : this.handlerMappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
						: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(TreeSet::new,
								Set::add, Set::addAll);
				for (String pattern : info.getPatternValues()) {
					for (String method : methods) {
						endpoints.computeIfAbsent(method + " " + pattern, (key) -> new TreeSet<>())
							.addAll(concretePaths(pattern));
					}
				}
			}
		}
		return endpoints;
	}

	/**
	 * Fills path variables: {@code {name}} with a value no entity has, {@code {*path}} and
	 * {@code **} with one segment, and {@code {x:a|b}} with each alternative, so each gets its own
	 * request.
	 */
	private static List<String> concretePaths(String pattern) {
		if (pattern.endsWith("/**")) {
			return concretePaths(pattern.substring(0, pattern.length() - 2) + "liveness");
		}
		Matcher variable = VARIABLE.matcher(pattern);
		if (!variable.find()) {
			return List.of(pattern);
		}
		List<String> values;
		if (!variable.group(1).isEmpty()) {
			values = List.of("liveness");
		}
		else if (variable.group(3) != null && variable.group(3).matches("[\\w-]+(\\|[\\w-]+)*")) {
			values = List.of(variable.group(3).split("\\|"));
		}
		else {
			values = List.of("0");
		}
		List<String> paths = new ArrayList<>();
		for (String value : values) {
			String filled = pattern.substring(0, variable.start()) + value + pattern.substring(variable.end());
			paths.addAll(concretePaths(filled));
		}
		return paths;
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/** The handler of the endpoints without rules. */
	static class Unguarded {

		@ResponseBody
		public String reached() {
			return "reached";
		}

	}

	private static Map<String, Access> table(Object... rows) {
		Map<String, Access> table = new TreeMap<>();
		for (int i = 0; i < rows.length; i += 2) {
			table.put((String) rows[i], (Access) rows[i + 1]);
		}
		return table;
	}

}
