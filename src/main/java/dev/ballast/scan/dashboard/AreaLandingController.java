package dev.ballast.scan.dashboard;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The navigation's entries for sizing, CIDR, taints and isolation: each opens the area for one
 * cluster ({@code ?cluster=} from the cluster switch, else the first by name), or says that no
 * cluster is registered yet.
 */
@Controller
class AreaLandingController {

	private final AreaPages pages;

	AreaLandingController(AreaPages pages) {
		this.pages = pages;
	}

	@GetMapping("/{area:sizing|cidr|taints|isolation}")
	String landing(@PathVariable String area, @RequestParam(required = false) @Nullable String cluster, Model model) {
		String name = this.pages.landing(cluster);
		if (name == null) {
			model.addAttribute("area", area);
			return "scan/area-empty";
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/clusters/{name}/{area}").buildAndExpand(name, area).toUriString();
	}

}
