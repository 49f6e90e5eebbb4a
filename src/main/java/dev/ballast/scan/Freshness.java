package dev.ballast.scan;

import java.time.Instant;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code ETag} and {@code Last-Modified} for reads derived from stored scans: they change only
 * when a scan finishes or retention removes findings, so a client that sends
 * {@code If-None-Match} (or {@code If-Modified-Since}) gets a 304 without the work of answering.
 */
@Component
class Freshness {

	private final Scans scans;

	Freshness(Scans scans) {
		this.scans = scans;
	}

	/**
	 * Sets the validators and tells whether the client's copy is current.
	 * @return {@code true} when a 304 was prepared and nothing else must be written
	 */
	boolean notModified(ServletWebRequest request) {
		Instant changed = this.scans.lastChange();
		String query = Objects.toString(request.getRequest().getQueryString(), "");
		String variant = request.getRequest().getRequestURI() + "?" + query + "|"
				+ Objects.toString(request.getHeader(HttpHeaders.ACCEPT), "");
		String etag = "W/\"" + Long.toHexString(changed.toEpochMilli()) + "-" + Integer.toHexString(variant.hashCode())
				+ "\"";
		return request.checkNotModified(etag, changed.toEpochMilli());
	}

}
