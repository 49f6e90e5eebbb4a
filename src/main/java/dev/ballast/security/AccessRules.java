package dev.ballast.security;

import java.util.Arrays;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The minimum role of every URL, in one place. Roles include the lower ones (ADMIN &gt; OPERATOR
 * &gt; VIEWER). An endpoint without a rule is refused to everyone, so a new endpoint stays closed
 * until it gets a line here, and {@code AccessRulesIntegrationTests} fails until its table has a
 * row for it. An address that leads nowhere is a plain 404 for a signed-in user; a stranger is
 * sent to sign in (or gets a 401) and so cannot tell which addresses exist.
 */
final class AccessRules {

	/** What the API filter chain covers, apart from {@link #API_DOCS}; pages are everything else. */
	static final String[] API_PATHS = { "/api/**", "/actuator/**" };

	/**
	 * Swagger UI ({@code /api/docs} leads to springdoc's {@code /api/swagger-ui/index.html}): a page
	 * for people, so it is in the pages' chain (sign-in form, the pages' Content-Security-Policy)
	 * although under {@code /api}. The document it reads is the API's.
	 */
	static final String[] API_DOCS = { "/api/docs", "/api/swagger-ui/**" };

	private static final String VIEWER = Role.VIEWER.name();

	private static final String OPERATOR = Role.OPERATOR.name();

	private static final String ADMIN = Role.ADMIN.name();

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private AccessRules() {
	}

	/** The requests of the API filter chain: {@link #API_PATHS} except {@link #API_DOCS}. */
	static RequestMatcher apiChain() {
		return new AndRequestMatcher(anyOf(API_PATHS), new NegatedRequestMatcher(anyOf(API_DOCS)));
	}

	private static RequestMatcher anyOf(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(Arrays.stream(patterns).map(paths::matcher).toArray(RequestMatcher[]::new));
	}

	static void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages,
			Endpoints endpoints) {
		pages
			// anyone: signing in, error pages (every dispatch), the assets those pages need
			.requestMatchers("/error").permitAll()
			.requestMatchers(GET, "/login", "/assets/**", "/images/**", "/favicon.ico").permitAll()
			// clusters: ADMIN registers, tests and removes them (before the VIEWER rule: /clusters/new)
			.requestMatchers(GET, "/clusters/new").hasRole(ADMIN)
			.requestMatchers(POST, "/clusters", "/clusters/*/test", "/clusters/*/delete").hasRole(ADMIN)
			// VIEWER reads every area
			.requestMatchers(GET, "/", "/clusters", "/clusters/*").hasRole(VIEWER)
			.requestMatchers(GET, "/findings", "/sizing", "/cidr", "/taints", "/isolation").hasRole(VIEWER)
			// reports: subscriptions, SMTP settings and the delivery log are ADMIN's
			.requestMatchers(GET, "/reports", "/reports/new", "/reports/*/edit", "/reports/deliveries", "/reports/smtp")
			.hasRole(ADMIN)
			.requestMatchers(POST, "/reports", "/reports/*", "/reports/*/delete", "/reports/*/send", "/reports/smtp",
					"/reports/smtp/test")
			.hasRole(ADMIN)
			.requestMatchers(GET, "/checks").hasRole(VIEWER)
			// reports: ADMIN previews what a subscription would send (subject, HTML, its images, text, PDF)
			.requestMatchers(GET, "/reports/*/preview", "/reports/*/preview.html", "/reports/*/preview.pdf",
					"/reports/*/preview/inline/*")
			.hasRole(ADMIN)
			// the API's documentation for people (Swagger UI)
			.requestMatchers(GET, API_DOCS).hasRole(VIEWER)
			// checks: OPERATOR changes settings, exemptions and custom checks (before the VIEWER rule)
			.requestMatchers(GET, "/checks/custom/new", "/checks/custom/*/edit").hasRole(OPERATOR)
			.requestMatchers(POST, "/checks/settings", "/checks/exemptions", "/checks/exemptions/*/revoke",
					"/checks/custom", "/checks/custom/*/disable", "/checks/custom/*/enable", "/checks/custom/*/delete")
			.hasRole(OPERATOR)
			.requestMatchers(GET, "/checks/settings", "/checks/exemptions", "/checks/custom").hasRole(VIEWER)
			// audit: anyone who reads may audit manifests (nothing is saved)
			.requestMatchers(GET, "/audit").hasRole(VIEWER)
			.requestMatchers(POST, "/audit").hasRole(VIEWER)
			// settings: everyone manages their own API tokens; ADMIN manages users and reads the audit log
			.requestMatchers(GET, "/settings", "/settings/tokens", "/settings/password").hasRole(VIEWER)
			.requestMatchers(POST, "/settings/password").hasRole(VIEWER)
			.requestMatchers(POST, "/settings/tokens", "/settings/tokens/*/revoke").hasRole(VIEWER)
			.requestMatchers("/settings/users", "/settings/users/**", "/settings/audit").hasRole(ADMIN)
			// scans: VIEWER reads the history, OPERATOR scans now, ADMIN changes a cluster's schedule
			.requestMatchers(GET, "/scans", "/scans/*", "/scans/*/diff").hasRole(VIEWER)
			.requestMatchers(POST, "/clusters/*/scan").hasRole(OPERATOR)
			// namespace and workload pages: VIEWER reads them, OPERATOR exempts a workload's finding
			.requestMatchers(GET, "/clusters/*/namespaces/*", "/clusters/*/workloads/*/*/*").hasRole(VIEWER)
			// analysis pages of a cluster: sizing (with what-if), CIDR (with planner), taints, isolation
			.requestMatchers(GET, "/clusters/*/sizing", "/clusters/*/sizing/**", "/clusters/*/cidr", "/clusters/*/cidr/**",
					"/clusters/*/taints", "/clusters/*/taints/**", "/clusters/*/isolation", "/clusters/*/isolation/**")
			.hasRole(VIEWER)
			.requestMatchers(POST, "/clusters/*/cidr/overrides").hasRole(ADMIN)
			.requestMatchers(POST, "/clusters/*/workloads/*/*/*/exemptions").hasRole(OPERATOR)
			.requestMatchers(GET, "/clusters/*/schedule").hasRole(ADMIN)
			.requestMatchers(POST, "/clusters/*/schedule").hasRole(ADMIN)
			.anyRequest().access(notFoundForSignedIn(endpoints));
	}

	static void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api,
			Endpoints endpoints) {
		api
			// operations: probes for anyone, metrics for an admin's session or any API token
			.requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers(GET, "/actuator/info").hasRole(VIEWER)
			.requestMatchers(GET, "/actuator/prometheus").access(AccessRules::adminSessionOrAnyToken)
			// /api/v1: reading is VIEWER; acting (scans, exemptions) is OPERATOR; administering
			// (clusters, users, reports) is ADMIN. One's own tokens and identity are VIEWER.
			.requestMatchers(GET, "/api/v1/clusters", "/api/v1/clusters/*").hasRole(VIEWER)
			.requestMatchers(POST, "/api/v1/clusters", "/api/v1/clusters/*/test").hasRole(ADMIN)
			.requestMatchers(DELETE, "/api/v1/clusters/*").hasRole(ADMIN)
			// scans and history: reading is VIEWER, scanning OPERATOR, schedules ADMIN
			.requestMatchers(GET, "/api/v1/scans", "/api/v1/scans/*", "/api/v1/scans/*/progress", "/api/v1/scans/*/diff",
					"/api/v1/scans/*/analyses", "/api/v1/scans/*/analyses/*", "/api/v1/clusters/*/diff",
					"/api/v1/clusters/*/schedule", "/api/v1/findings", "/api/v1/scores", "/api/v1/trends")
			.hasRole(VIEWER)
			.requestMatchers(POST, "/api/v1/clusters/*/scans").hasRole(OPERATOR)
			.requestMatchers(PUT, "/api/v1/clusters/*/schedule").hasRole(ADMIN)
			.requestMatchers(GET, "/api/v1/clusters/*/sizing", "/api/v1/clusters/*/sizing/**", "/api/v1/clusters/*/cidr",
					"/api/v1/clusters/*/cidr/**", "/api/v1/clusters/*/taints", "/api/v1/clusters/*/taints/**",
					"/api/v1/clusters/*/isolation", "/api/v1/clusters/*/isolation/**")
			.hasRole(VIEWER)
			.requestMatchers(PUT, "/api/v1/clusters/*/cidr/overrides").hasRole(ADMIN)
			.requestMatchers(DELETE, "/api/v1/clusters/*/cidr/overrides").hasRole(ADMIN)
			.requestMatchers(GET, "/api/v1/checks", "/api/v1/checks/settings", "/api/v1/checks/exemptions",
					"/api/v1/checks/custom")
			.hasRole(VIEWER)
			.requestMatchers(PUT, "/api/v1/checks/settings").hasRole(OPERATOR)
			.requestMatchers(POST, "/api/v1/checks/exemptions", "/api/v1/checks/custom", "/api/v1/checks/custom/test")
			.hasRole(OPERATOR)
			.requestMatchers(DELETE, "/api/v1/checks/exemptions/*", "/api/v1/checks/custom/*").hasRole(OPERATOR)
			.requestMatchers(POST, "/api/v1/audit").hasRole(VIEWER)
			.requestMatchers(GET, "/api/v1/me").hasRole(VIEWER)
			// the OpenAPI document (JSON, YAML) and the settings Swagger UI reads with it
			.requestMatchers(GET, "/api/v1/openapi.json", "/api/v1/openapi.json.yaml",
					"/api/v1/openapi.json/swagger-config")
			.hasRole(VIEWER)
			.requestMatchers(GET, "/api/v1/tokens").hasRole(VIEWER)
			.requestMatchers(POST, "/api/v1/tokens").hasRole(VIEWER)
			.requestMatchers(DELETE, "/api/v1/tokens/*").hasRole(VIEWER)
			.requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
			.requestMatchers(GET, "/api/v1/reports/subscriptions/*/preview").hasRole(ADMIN)
			.requestMatchers(GET, "/api/v1/reports/subscriptions", "/api/v1/reports/subscriptions/*",
					"/api/v1/reports/deliveries")
			.hasRole(ADMIN)
			.requestMatchers(POST, "/api/v1/reports/subscriptions", "/api/v1/reports/subscriptions/*/send").hasRole(ADMIN)
			.anyRequest().access(notFoundForSignedIn(endpoints));
	}

	/** Refuses every endpoint; lets a signed-in user's request for nothing reach the 404. */
	private static AuthorizationManager<RequestAuthorizationContext> notFoundForSignedIn(Endpoints endpoints) {
		return (authentication, context) -> new AuthorizationDecision(
				TRUST.isAuthenticated(authentication.get()) && !endpoints.exist(context.getRequest()));
	}

	/** Metrics scrapers use a token of any role; in a browser, only an administrator. */
	private static AuthorizationResult adminSessionOrAnyToken(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		boolean allowed = current instanceof ApiTokenAuthentication || (current != null && current.getAuthorities()
			.stream()
			.anyMatch((granted) -> Role.ADMIN.authority().equals(granted.getAuthority())));
		return new AuthorizationDecision(allowed);
	}

}
