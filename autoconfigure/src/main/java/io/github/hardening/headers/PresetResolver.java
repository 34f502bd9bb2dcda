package io.github.hardening.headers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Picks the headers of a request by its path: the most specific matching pattern wins.
 */
public final class PresetResolver {

	private final List<Map.Entry<PathPattern, PresetHeaders>> rules;

	private final PresetHeaders fallback;

	private final PresetHeaders everyPath;

	/**
	 * Creates the resolver.
	 * @param patterns path pattern to the headers of its preset
	 * @param fallback headers for paths no pattern matches
	 */
	public PresetResolver(Map<String, PresetHeaders> patterns, PresetHeaders fallback) {
		List<Map.Entry<PathPattern, PresetHeaders>> rules = new ArrayList<>();
		patterns.forEach((pattern, headers) -> rules.add(Map.entry(PathPatternParser.defaultInstance.parse(pattern), headers)));
		rules.sort(Comparator.comparing(Map.Entry::getKey, PathPattern.SPECIFICITY_COMPARATOR));
		this.rules = List.copyOf(rules);
		this.fallback = fallback;
		boolean single = this.rules.size() == 1 && this.rules.get(0).getKey().getPatternString().equals("/**");
		this.everyPath = single ? this.rules.get(0).getValue() : (this.rules.isEmpty() ? fallback : null);
	}

	/**
	 * Returns the headers for a request; an error dispatch is judged by the path that failed.
	 * @param request the request
	 * @return the headers of its preset
	 */
	public PresetHeaders resolve(HttpServletRequest request) {
		if (this.everyPath != null) {
			// One preset for every path (the default): no path parsing on the request path.
			return this.everyPath;
		}
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (errorUri instanceof String text) ? text : request.getRequestURI();
		String contextPath = request.getContextPath();
		if (!contextPath.isEmpty() && uri.startsWith(contextPath)) {
			uri = uri.substring(contextPath.length());
		}
		PathContainer path = PathContainer.parsePath(uri);
		for (Map.Entry<PathPattern, PresetHeaders> rule : this.rules) {
			if (rule.getKey().matches(path)) {
				return rule.getValue();
			}
		}
		return this.fallback;
	}

}
