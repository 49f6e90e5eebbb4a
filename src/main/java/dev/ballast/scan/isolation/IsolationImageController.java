package dev.ballast.scan.isolation;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.NetworkIsolation;
import dev.ballast.isolation.ReachMatrix;
import dev.ballast.isolation.Reachability;
import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;

/**
 * The namespace reachability matrix of a cluster as an image to download: SVG or PNG, for the
 * same {@code port}, {@code protocol} and {@code ns} parameters as the page.
 */
@Controller
class IsolationImageController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private final StoredAnalyses analyses;

	private final MessageSource messages;

	IsolationImageController(StoredAnalyses analyses, MessageSource messages) {
		this.analyses = analyses;
		this.messages = messages;
	}

	@GetMapping("/clusters/{name}/isolation/matrix.svg")
	ResponseEntity<String> svg(@PathVariable String name, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol,
			@RequestParam(name = "ns", required = false) @Nullable List<String> namespaces) {
		return ResponseEntity.ok()
			.contentType(SVG)
			.header("Content-Disposition", "inline; filename=\"" + name + "-reachability.svg\"")
			.body(image(name, port, protocol, namespaces).svg());
	}

	@GetMapping("/clusters/{name}/isolation/matrix.png")
	ResponseEntity<byte[]> png(@PathVariable String name, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol,
			@RequestParam(name = "ns", required = false) @Nullable List<String> namespaces) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("Content-Disposition", "inline; filename=\"" + name + "-reachability.png\"")
			.body(image(name, port, protocol, namespaces).png());
	}

	private MatrixImage image(String name, @Nullable String port, @Nullable String protocol,
			@Nullable List<String> namespaces) {
		Landed<IsolationReport> landed = this.analyses.latestOrProblem(name, IsolationAnalysis.KIND,
				IsolationAnalysis.VERSION, IsolationReport.class);
		IsolationQuery query = IsolationQuery.of(port, protocol);
		if (query.errors().containsKey("port")) {
			throw ScanProblem.badParameter("port", String.valueOf(port), "1-65535");
		}
		if (query.errors().containsKey("protocol")) {
			throw ScanProblem.badParameter("protocol", String.valueOf(protocol), "TCP, UDP or SCTP");
		}
		NetworkIsolation network = landed.document().network();
		ReachMatrix matrix = ReachMatrix.namespaces(Reachability.of(network),
				IsolationQuery.matrixNamespaces(network, namespaces), query.port());
		Locale locale = LocaleContextHolder.getLocale();
		String title = this.messages.getMessage("isolation.svg.title", new Object[] { name, query.port().toString() },
				locale);
		List<String> labels = List.of(message("isolation.matrix.all", locale), message("isolation.matrix.none", locale),
				message("isolation.matrix.empty", locale));
		return new MatrixImage(matrix, title, labels);
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, new Object[] { 0, 0 }, locale);
	}

}
