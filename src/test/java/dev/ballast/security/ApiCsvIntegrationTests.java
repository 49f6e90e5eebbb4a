package dev.ballast.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every list of the API answers CSV, asked for by header or by {@code ?format=csv}, with a
 * header row of its fields (nested ones dotted) even when the list is empty.
 */
@SecurityIntegrationTest
class ApiCsvIntegrationTests {

	private static final SignedInUser ADMIN = new SignedInUser(0, "csv-admin", Role.ADMIN);

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/clusters|name,displayName,source,server,credential,registeredAt,registeredBy,"
			+ "writeOverride.by,writeOverride.reason,writeOverride.at,lastCheck.",
			"/api/v1/checks|id,category,severity,target,docs,requires,customTitle",
			"/api/v1/checks/exemptions|id,cluster,namespace,kind,name,checkId,reason,createdBy,createdAt,until,",
			"/api/v1/tokens|id,name,hint,status,createdAt,expiresAt,lastUsedAt",
			"/api/v1/users|id,username,role,enabled,createdAt" })
	void answersEveryListAsCsv(String pathAndHeader) throws Exception {
		String path = pathAndHeader.substring(0, pathAndHeader.indexOf('|'));
		String header = pathAndHeader.substring(pathAndHeader.indexOf('|') + 1);
		String byHeader = csv(get(path).accept("text/csv"));
		assertThat(byHeader).as(path).startsWith(header);
		String byParameter = csv(get(path).param("format", "csv"));
		assertThat(byParameter).as(path).isEqualTo(byHeader);
	}

	private String csv(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(SecurityTestSupport.signedIn(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
