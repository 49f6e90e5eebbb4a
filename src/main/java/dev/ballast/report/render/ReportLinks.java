package dev.ballast.report.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a report's links lead: the address people open Ballast at, since a mail has no page to be
 * relative to ({@code ballast.report.links.base-url}).
 *
 * @param baseUrl e.g. {@code https://ballast.example.com}, without a trailing slash
 */
@ConfigurationProperties("ballast.report.links")
record ReportLinks(@DefaultValue("http://localhost:8080") String baseUrl) {

	ReportLinks {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String home() {
		return this.baseUrl + "/";
	}

	String cluster(String name) {
		return this.baseUrl + "/clusters/" + segment(name);
	}

	String workload(String cluster, String namespace, String kind, String name) {
		return cluster(cluster) + "/workloads/" + segment(namespace) + "/" + segment(kind) + "/" + segment(name);
	}

	String diff(long scanId, long baseId) {
		return this.baseUrl + "/scans/" + scanId + "/diff?base=" + baseId;
	}

	String scan(long scanId) {
		return this.baseUrl + "/scans/" + scanId;
	}

	String findings(String cluster, String check) {
		return this.baseUrl + "/findings?cluster=" + query(cluster) + "&check=" + query(check);
	}

	private static String segment(String value) {
		return query(value).replace("+", "%20");
	}

	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
