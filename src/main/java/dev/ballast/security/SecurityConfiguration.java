package dev.ballast.security;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains. The API's ({@code /api/**}, {@code /actuator/**}, but not Swagger UI at
 * {@code /api/docs}, a page) takes a bearer token or the browser session (with a CSRF token for
 * anything but GET, HEAD, OPTIONS) and answers refusals as problem details; it never creates a
 * session. The pages' chain has the sign-in form, sign-out and CSRF protection, and sends
 * strangers to the sign-in page. Which role may open which URL is {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, SecuritySettings settings,
			MessageSource messages, Endpoints endpoints) throws Exception {
		ApiProblems problems = new ApiProblems(messages);
		FailureLimiter invalidTokens = new FailureLimiter(settings.tokens().maxFailures(), settings.tokens().window(),
				Clock.systemUTC());
		AuthenticationFilter bearerTokens = new AuthenticationFilter(
				new ProviderManager(new ApiTokenAuthenticationProvider(tokens, invalidTokens)),
				new BearerTokenConverter());
		bearerTokens.setSuccessHandler((request, response, authentication) -> {
			// nothing to do: the request goes on, authenticated
		});
		bearerTokens.setFailureHandler(problems);
		return http.securityMatcher(AccessRules.apiChain())
			.authorizeHttpRequests((rules) -> AccessRules.api(rules, endpoints))
			.addFilterBefore(bearerTokens, BasicAuthenticationFilter.class)
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BearerTokenConverter::hasBearerToken))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, PasswordAuthenticationProvider passwords,
			LoginHandlers handlers, Endpoints endpoints) throws Exception {
		return http.authorizeHttpRequests((rules) -> AccessRules.pages(rules, endpoints))
			.authenticationManager(new ProviderManager(passwords))
			.formLogin((form) -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers))
			// Ballast serves every script and stylesheet itself: nothing inline, nothing foreign
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
							+ "form-action 'self'; frame-ancestors 'none'")))
			.logout((logout) -> logout.logoutUrl("/logout")
				.addLogoutHandler(handlers)
				.logoutSuccessUrl("/login?logout"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.build();
	}

}
