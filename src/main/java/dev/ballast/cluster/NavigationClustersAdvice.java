package dev.ballast.cluster;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the registered clusters into every page's model for the layout's navigation.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationClustersAdvice {

	private final Clusters clusters;

	NavigationClustersAdvice(Clusters clusters) {
		this.clusters = clusters;
	}

	@ModelAttribute("navClusters")
	List<Cluster> navClusters() {
		return this.clusters.all();
	}

}
