package dev.ballast.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers JSON, and every list also CSV: asked for with {@code Accept: text/csv} or, from
 * a browser's address bar, {@code ?format=csv} ({@code ?format=json} for JSON). An unknown
 * format is a 406 that names the parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiFormats implements WebMvcConfigurer {

	static final String FORMAT_PARAMETER = "format";

	/** The values of {@code ?format=}, in the order a refusal lists them. */
	static final Map<String, MediaType> FORMATS = formats();

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		// last: JSON stays the answer to "Accept: */*"
		builder.configureMessageConvertersList((converters) -> converters.add(new CsvHttpMessageConverter()));
	}

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
		negotiation.favorParameter(true).parameterName(FORMAT_PARAMETER).mediaTypes(FORMATS);
	}

	private static Map<String, MediaType> formats() {
		Map<String, MediaType> formats = new LinkedHashMap<>();
		formats.put("json", MediaType.APPLICATION_JSON);
		formats.put("csv", CsvHttpMessageConverter.TEXT_CSV);
		return Collections.unmodifiableMap(formats);
	}

}
