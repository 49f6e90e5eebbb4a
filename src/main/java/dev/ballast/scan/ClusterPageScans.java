package dev.ballast.scan;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives the cluster pages ({@code templates/cluster/*}) the last finished scan of every cluster,
 * as {@code latestScans} by cluster name, so they can show it and link to the scans without the
 * cluster module knowing this one: the dependency stays one-way, scan on cluster. Only pages
 * rendering a cluster view pay for the query.
 */
@Configuration(proxyBeanMethods = false)
class ClusterPageScans implements WebMvcConfigurer, HandlerInterceptor {

	private final Scans scans;

	ClusterPageScans(Scans scans) {
		this.scans = scans;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/", "/clusters", "/clusters/*");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view != null && view.getViewName() != null && view.getViewName().startsWith("cluster/")) {
			Map<String, Scan> latest = this.scans.latest()
				.stream()
				.collect(Collectors.toMap(Scan::cluster, Function.identity(), (a, b) -> a));
			view.addObject("latestScans", latest);
		}
	}

}
