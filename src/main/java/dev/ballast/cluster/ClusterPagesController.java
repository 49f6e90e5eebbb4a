package dev.ballast.cluster;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The overview of all clusters, the clusters list and one cluster's page.
 */
@Controller
class ClusterPagesController {

	private final Clusters clusters;

	private final DemoManifests demo;

	ClusterPagesController(Clusters clusters, DemoManifests demo) {
		this.clusters = clusters;
		this.demo = demo;
	}

	@GetMapping("/")
	String overview(Model model) {
		model.addAttribute("clusters", this.clusters.all());
		model.addAttribute("demo", this.demo.inventory());
		return "cluster/overview";
	}

	@GetMapping("/clusters")
	String list(Model model) {
		model.addAttribute("clusters", this.clusters.all());
		return "cluster/list";
	}

	@GetMapping("/clusters/{name}")
	String show(@PathVariable String name, Model model) {
		Cluster cluster = this.clusters.byName(name);
		model.addAttribute("cluster", cluster);
		if (cluster.getSource() == ClusterSource.DEMO) {
			model.addAttribute("demo", this.demo.inventory());
		}
		return "cluster/show";
	}

}
