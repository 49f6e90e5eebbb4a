package dev.ballast.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.ballast.cluster.Clusters;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bad parameter is a problem detail that names it, in the detail and in the property
 * {@code parameter}, whatever format the client asked for. Same context as
 * {@link ApiFormatsTests}, whose controller has the parameters.
 */
@WebMvcTest(controllers = ApiFormatsTests.Lists.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiFormatsTests.Lists.class)
class ApiExceptionAdviceTests {

	private static final String FILTERED = "/api/v1/test/filtered";

	/** Needed by the page interceptors (navigation, last scans), which every {@code @WebMvcTest} loads. */
	@MockitoBean
	Clusters clusters;

	@MockitoBean
	dev.ballast.scan.Scans scans;

	@MockitoBean
	dev.ballast.scan.internal.ScanStore scanStore;

	/** Needed by the upload limit filter; these tests upload nothing. */
	@MockitoBean
	org.springframework.web.multipart.MultipartResolver multipartResolver;

	@Autowired
	MockMvc mvc;

	@Test
	void namesAParameterThatIsNotANumber() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("cluster", "demo").param("limit", "abc")), 400,
				"invalid-parameter", "limit")
			.andExpect(jsonPath("$.detail").value("Parameter 'limit' must be a number; got 'abc'"))
			.andExpect(jsonPath("$.title").value("Invalid parameter"))
			.andExpect(jsonPath("$.instance").value(FILTERED));
	}

	@Test
	void listsTheValuesOfAnEnumParameter() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("cluster", "demo").param("state", "OK,RUNNING")), 400,
				"invalid-parameter", "state")
			.andExpect(jsonPath("$.detail").value("Parameter 'state' must be one of OK, FAILED; got 'OK,RUNNING'"));
	}

	@Test
	void usesTheParameterNameTheClientSends() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("cluster", "demo").param("since", "yesterday")), 400,
				"invalid-parameter", "since")
			.andExpect(jsonPath("$.detail").value(
					"Parameter 'since' must be an ISO-8601 timestamp such as 2025-01-31T12:00:00Z; got 'yesterday'"));
	}

	@Test
	void namesAMissingParameter() throws Exception {
		problem(this.mvc.perform(get(FILTERED)), 400, "missing-parameter", "cluster")
			.andExpect(jsonPath("$.detail").value("Parameter 'cluster' is required"));
	}

	@Test
	void namesAParameterOutOfRange() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("cluster", "demo").param("limit", "5000")), 400,
				"invalid-parameter", "limit")
			.andExpect(jsonPath("$.detail").value("Parameter 'limit' must be less than or equal to 1000; got '5000'"));
	}

	@Test
	void answersInTheLanguageOfTheRequest() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("limit", "abc").param("cluster", "demo")
			.header("Accept-Language", "zh-CN")), 400, "invalid-parameter", "limit")
			.andExpect(jsonPath("$.detail").value("参数“limit”必须是数字；收到的是“abc”"));
	}

	@Test
	void answersAProblemDetailEvenToAClientThatAskedForCsv() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("limit", "abc").param("cluster", "demo").accept("text/csv")), 400,
				"invalid-parameter", "limit");
		problem(this.mvc.perform(get(FILTERED).param("limit", "abc").param("cluster", "demo").param("format", "csv")),
				400, "invalid-parameter", "limit");
	}

	@Test
	void namesTheAcceptHeaderWhenNoFormatCanBeProduced() throws Exception {
		problem(this.mvc.perform(get(FILTERED).param("cluster", "demo").accept("application/pdf")), 406,
				"not-acceptable", "Accept")
			.andExpect(jsonPath("$.detail")
				.value("Header 'Accept' must accept one of application/json, application/yaml, text/csv; "
						+ "got 'application/pdf'"));
	}

	private static ResultActions problem(ResultActions result, int status, String kind, String parameter)
			throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/" + kind))
			.andExpect(jsonPath("$.parameter").value(parameter));
	}

}
