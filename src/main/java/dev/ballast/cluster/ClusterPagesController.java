package dev.ballast.cluster;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The list of registered clusters. The overview ({@code /}) and a cluster's own page show scan
 * history, so the scan module serves them, with this module's fragments
 * ({@code templates/cluster/fragments.html}).
 */
@Controller
class ClusterPagesController {

	private final Clusters clusters;

	ClusterPagesController(Clusters clusters) {
		this.clusters = clusters;
	}

	@GetMapping("/clusters")
	String list(Model model) {
		model.addAttribute("clusters", this.clusters.all());
		return "cluster/list";
	}

}
