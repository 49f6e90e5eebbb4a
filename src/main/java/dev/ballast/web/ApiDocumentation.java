package dev.ballast.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What the OpenAPI document of {@code /api/v1} says about the API as a whole: title, version, the
 * versioning policy, and the two ways to authenticate (a bearer token, or the browser's session).
 * springdoc describes the endpoints from the controllers and serves the document at
 * {@code /api/v1/openapi.json} and Swagger UI at {@code /api/docs}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearerToken";

	static final String SESSION = "sessionCookie";

	/** How springdoc names the tag of {@code ChecksApiController}: {@code checks-api-controller}. */
	private static final String CONTROLLER_TAG = "-api-controller";

	private static final String DESCRIPTION = """
			Ballast's REST API for scripts: clusters, checks, exemptions, scans and their findings, \
			scores and trends, read from Ballast's stored history (never from the live cluster).

			**Authentication.** Send an API token created at *Settings → API tokens* as \
			`Authorization: Bearer blst_…`. A browser that is signed in may use its session cookie \
			instead; it must then send the CSRF token with every request that changes something.

			**Formats.** JSON (camelCase) by default. Every list also answers `text/csv` \
			(`Accept: text/csv`, or `?format=csv`). Lists are paged with an opaque `cursor`; the next \
			page is in the `Link` header (`rel="next"`) and in `nextCursor`. Errors are RFC 9457 \
			problem details (`application/problem+json`) with a type under \
			`https://ballast.dev/problems/`.

			**Versioning.** `/api/v1` is stable: fields and endpoints are only ever added, so clients \
			must ignore fields they do not know. Removing a field or changing its meaning needs \
			`/api/v2`; `/api/v1` is then still served for at least two minor releases after `/api/v2` \
			appears. An endpoint that is going away says so in the `Deprecation` and `Sunset` \
			response headers beforehand. The guide is `docs/api.md` in Ballast's repository.
			""";

	@Bean
	OpenAPI ballastOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Ballast API").version("v1").description(DESCRIPTION))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("blst_…")
							.description("An API token from Settings → API tokens: Authorization: Bearer blst_…"))
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("SESSION")
							.description("The session of a signed-in browser; requests that change something "
									+ "also need the CSRF token")))
			// either one: two requirements are alternatives
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(SESSION));
	}

	/** Groups operations by module: {@code checks}, not {@code checks-api-controller}. */
	@Bean
	OpenApiCustomizer tagsByModule() {
		return (openApi) -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((path) -> path.readOperations()
						.stream()
						.filter((operation) -> operation.getTags() != null)
						.forEach((operation) -> operation
							.setTags(operation.getTags().stream().map(ApiDocumentation::module).toList())));
			}
			if (openApi.getTags() != null) {
				openApi.getTags().forEach((tag) -> tag.setName(module(tag.getName())));
			}
		};
	}

	private static String module(String tag) {
		return tag.endsWith(CONTROLLER_TAG) ? tag.substring(0, tag.length() - CONTROLLER_TAG.length()) : tag;
	}

}
