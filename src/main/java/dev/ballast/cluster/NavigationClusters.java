package dev.ballast.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the registered clusters into the model of every page that renders a view, for the
 * layout's navigation. API answers and redirects do not pay for the query. When the database
 * cannot be read (an error page during an outage) the navigation simply lists none.
 */
@Configuration(proxyBeanMethods = false)
class NavigationClusters implements WebMvcConfigurer, HandlerInterceptor {

	private final Clusters clusters;

	NavigationClusters(Clusters clusters) {
		this.clusters = clusters;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || !page.hasView() || String.valueOf(page.getViewName()).startsWith("redirect:")) {
			return;
		}
		page.addObject("navClusters", navClusters());
	}

	private List<Cluster> navClusters() {
		try {
			return this.clusters.all();
		}
		catch (DataAccessException ex) {
			return List.of();
		}
	}

}
