package dev.ballast.scan.taints;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;
import dev.ballast.taints.TaintAnalysis;
import dev.ballast.taints.TaintMap;

/**
 * The matrix of the taint map page as an image, with the page's filters and page of rows:
 * {@code matrix.svg} and {@code matrix.png}. VIEWER.
 */
@RestController
class MatrixImageController {

	private final StoredAnalyses analyses;

	private final MessageSource messages;

	MatrixImageController(StoredAnalyses analyses, MessageSource messages) {
		this.analyses = analyses;
		this.messages = messages;
	}

	@GetMapping(path = "/clusters/{name}/taints/matrix.svg", produces = "image/svg+xml")
	ResponseEntity<byte[]> svg(@PathVariable String name, @RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String effect, @RequestParam(required = false) @Nullable String pool,
			@RequestParam(required = false) @Nullable Integer page) {
		MatrixImage image = image(name, TaintFilter.of(namespace, effect, pool, page));
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8"))
			.header("Content-Disposition", "inline; filename=\"taint-matrix-" + name + ".svg\"")
			.body(image.svg().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/clusters/{name}/taints/matrix.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@PathVariable String name, @RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String effect, @RequestParam(required = false) @Nullable String pool,
			@RequestParam(required = false) @Nullable Integer page) {
		MatrixImage image = image(name, TaintFilter.of(namespace, effect, pool, page));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("Content-Disposition", "inline; filename=\"taint-matrix-" + name + ".png\"")
			.body(image.png());
	}

	private MatrixImage image(String name, TaintFilter filter) {
		Landed<TaintMap> landed = this.analyses.latestOrProblem(name, TaintAnalysis.KIND, TaintAnalysis.VERSION,
				TaintMap.class);
		TaintMap map = landed.document();
		var problems = filter.problems(map);
		if (!problems.isEmpty()) {
			String parameter = problems.keySet().iterator().next();
			throw ScanProblem.badParameter(parameter, String.valueOf(parameter.equals("namespace") ? filter.namespace()
					: parameter.equals("effect") ? filter.effect() : filter.pool()), message(problems.get(parameter), ""));
		}
		TaintView view = TaintView.of(map, filter);
		String title = message("taints.image.title", name, landed.scan().id(), view.page(), view.pages());
		return new MatrixImage(title, view.groups(), view.rows(),
				(group) -> message("taints.group.size", group.id(), group.nodes().size()),
				(cell) -> message("taints.symbol." + (cell.runsAgainst() ? "against" : cell.verdict())) + " "
						+ message("taints.verdict." + cell.verdict(), cell.cell().allowedNodes(), cell.group().nodes().size())
						+ ((cell.placed() > 0) ? " · " + message("taints.runs", cell.placed()) : ""));
	}

	private String message(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
