package dev.ballast.security;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request leads to an endpoint: a controller method, an actuator endpoint, or any
 * handler other than static files. Asks the handler mappings in the order the dispatcher servlet
 * does, and leaves the request as it found it.
 */
@Component
class Endpoints {

	private final ObjectProvider<HandlerMapping> handlerMappings;

	private volatile List<HandlerMapping> ordered = List.of();

	Endpoints(ObjectProvider<HandlerMapping> handlerMappings) {
		this.handlerMappings = handlerMappings;
	}

	/**
	 * @return {@code true} if a handler would serve the request, also when only another HTTP
	 * method is mapped at its path; {@code false} if only static files (or nothing) could
	 */
	boolean exist(HttpServletRequest request) {
		Set<String> attributesBefore = new HashSet<>(Collections.list(request.getAttributeNames()));
		ServletRequestPathUtils.parseAndCache(request);
		try {
			for (HandlerMapping mapping : handlerMappings()) {
				HandlerExecutionChain chain = mapping.getHandler(request);
				if (chain != null) {
					return !(chain.getHandler() instanceof ResourceHttpRequestHandler);
				}
			}
			return false;
		}
		catch (Exception ex) {
			// a mapped path refusing this method or media type: an endpoint
			return true;
		}
		finally {
			for (String name : Collections.list(request.getAttributeNames())) {
				if (!attributesBefore.contains(name)) {
					request.removeAttribute(name);
				}
			}
		}
	}

	private List<HandlerMapping> handlerMappings() {
		List<HandlerMapping> mappings = this.ordered;
		if (mappings.isEmpty()) {
			mappings = this.handlerMappings.orderedStream().toList();
			this.ordered = mappings;
		}
		return mappings;
	}

}
