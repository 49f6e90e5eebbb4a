package dev.ballast.report.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.ballast.report.ReportSettings;

/**
 * Where a report's links lead: the address people open Ballast at, since a mail has no page to be
 * relative to ({@code ballast.report.base-url}).
 */
@Component
class ReportLinks {

	private final String baseUrl;

	ReportLinks(ReportSettings settings) {
		String url = settings.baseUrl();
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	String home() {
		return this.baseUrl + "/";
	}

	String page(String path) {
		return this.baseUrl + path;
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
