package dev.ballast.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.ballast.cluster.Clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every list answers CSV as well as JSON: a collection of records and a list page (a record with
 * {@code items}), asked for by {@code Accept: text/csv} or {@code ?format=csv}; JSON stays the
 * default.
 */
@WebMvcTest(controllers = ApiFormatsTests.Lists.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiFormatsTests.Lists.class)
class ApiFormatsTests {

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

	static final String HEADER = "name,state,at,findings.danger,findings.warning,tags,labels,note\r\n";

	@Autowired
	MockMvc mvc;

	@Test
	void answersACollectionOfRecordsAsCsvWhenAskedByAcceptHeader() throws Exception {
		String csv = this.mvc.perform(get("/api/v1/test/rows").accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).isEqualTo(HEADER + "shop,OK,2025-01-31T12:00:00Z,2,0,a;b,team=shop;tier=1,\r\n"
				+ "\"say \"\"hi\"\", then go\",FAILED,,0,3,,,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
	}

	@Test
	void answersCsvForTheFormatParameter() throws Exception {
		this.mvc.perform(get("/api/v1/test/rows").param("format", "csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"));
		this.mvc.perform(get("/api/v1/test/rows").param("format", "json").accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	@Test
	void staysJsonByDefault() throws Exception {
		this.mvc.perform(get("/api/v1/test/rows").accept("*/*"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].findings.danger").value(2));
		this.mvc.perform(get("/api/v1/test/rows").accept("text/html,application/xhtml+xml,*/*;q=0.8"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	@Test
	void answersTheItemsOfAListPageWithoutItsCursor() throws Exception {
		String csv = this.mvc.perform(get("/api/v1/test/page").accept("text/csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith(HEADER).contains("shop,OK").doesNotContain("next-page");
	}

	@Test
	void writesTheHeaderRowOfAnEmptyList() throws Exception {
		for (String path : new String[] { "/api/v1/test/empty", "/api/v1/test/empty-page" }) {
			this.mvc.perform(get(path).param("format", "csv"))
				.andExpect(status().isOk())
				.andExpect(content().string(HEADER));
		}
	}

	@Test
	void refusesCsvForWhatIsNotAList() throws Exception {
		this.mvc.perform(get("/api/v1/test/one").param("format", "csv"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/not-acceptable"))
			.andExpect(jsonPath("$.parameter").value("format"))
			.andExpect(jsonPath("$.detail").value("Parameter 'format' must be one of json; got 'csv'"));
		this.mvc.perform(get("/api/v1/test/one").accept("text/csv"))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.parameter").value("Accept"));
	}

	@Test
	void refusesAnUnknownFormatNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/test/rows").param("format", "xlsx"))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.parameter").value("format"))
			.andExpect(jsonPath("$.detail").value("Parameter 'format' must be one of json, csv; got 'xlsx'"));
	}

	enum State {

		OK, FAILED

	}

	@RestController
	static class Lists {

		record Findings(int danger, int warning) {
		}

		record Row(String name, State state, @Nullable Instant at, @Nullable Findings findings, Set<String> tags,
				Map<String, Object> labels, @Nullable String note) {
		}

		record Page<T>(List<T> items, @Nullable String nextCursor) {
		}

		static final List<Row> ROWS = List.of(
				new Row("shop", State.OK, Instant.parse("2025-01-31T12:00:00Z"), new Findings(2, 0), Set.of("b", "a"),
						Map.of("tier", 1, "team", "shop"), null),
				new Row("say \"hi\", then go", State.FAILED, null, new Findings(0, 3), Set.of(), Map.of(),
						"=HYPERLINK(\"x\")"));

		@GetMapping("/api/v1/test/rows")
		List<Row> rows() {
			return ROWS;
		}

		@GetMapping("/api/v1/test/empty")
		List<Row> empty() {
			return List.of();
		}

		@GetMapping("/api/v1/test/page")
		Page<Row> page() {
			return new Page<>(ROWS, "next-page");
		}

		@GetMapping("/api/v1/test/empty-page")
		Page<Row> emptyPage() {
			return new Page<>(List.of(), null);
		}

		@GetMapping("/api/v1/test/one")
		Row one() {
			return ROWS.get(0);
		}

		@GetMapping("/api/v1/test/filtered")
		List<Row> filtered(@RequestParam String cluster, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
				@RequestParam(required = false) @Nullable List<State> state,
				@RequestParam(name = "since", required = false) @Nullable Instant from) {
			return ROWS;
		}

	}

}
