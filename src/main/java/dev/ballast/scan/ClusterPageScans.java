package dev.ballast.scan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.ballast.scan.internal.ScanStore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives the cluster module's list of clusters ({@code templates/cluster/list.html}) the last
 * finished scan of every cluster, as {@code latestScans} by cluster name, and the last landed one
 * as {@code landedScans}, so it can show them and link to the scans without the cluster module
 * knowing this one: the dependency stays one-way, scan on cluster. The overview and a cluster's
 * page are this module's own (dashboard).
 */
@Configuration(proxyBeanMethods = false)
class ClusterPageScans implements WebMvcConfigurer, HandlerInterceptor {

	private final Scans scans;

	private final ScanStore store;

	ClusterPageScans(Scans scans, ScanStore store) {
		this.scans = scans;
		this.store = store;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/clusters");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view != null && view.getViewName() != null && view.getViewName().startsWith("cluster/")) {
			view.addObject("latestScans", byCluster(this.scans.latest()));
			view.addObject("landedScans", byCluster(this.store.latestLandedOfEach()));
		}
	}

	static Map<String, Scan> byCluster(List<Scan> scans) {
		return scans.stream().collect(Collectors.toMap(Scan::cluster, Function.identity(), (a, b) -> a));
	}

}
