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

	private final List<Rule> rules;

	private final PresetHeaders fallback;

	private final PresetHeaders everyPath;

	private final boolean allLiteral;

	/**
	 * Creates the resolver.
	 * @param patterns path pattern to the headers of its preset
	 * @param fallback headers for paths no pattern matches
	 */
	public PresetResolver(Map<String, PresetHeaders> patterns, PresetHeaders fallback) {
		List<Rule> rules = new ArrayList<>();
		patterns.forEach((pattern, headers) -> rules.add(Rule.of(PathPatternParser.defaultInstance.parse(pattern), headers)));
		rules.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
		this.rules = List.copyOf(rules);
		this.fallback = fallback;
		boolean single = this.rules.size() == 1 && this.rules.get(0).pattern().getPatternString().equals("/**");
		this.everyPath = single ? this.rules.get(0).headers() : (this.rules.isEmpty() ? fallback : null);
		this.allLiteral = this.rules.stream().allMatch(Rule::isLiteral);
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
		if (this.allLiteral && uri.indexOf('%') < 0 && uri.indexOf(';') < 0) {
			// Plain patterns against a path without escapes or matrix parameters: string comparison gives the
			// same answer as PathPattern without building a PathContainer per request.
			for (Rule rule : this.rules) {
				if (rule.matchesLiteral(uri)) {
					return rule.headers();
				}
			}
			return this.fallback;
		}
		PathContainer path = PathContainer.parsePath(uri);
		for (Rule rule : this.rules) {
			if (rule.pattern().matches(path)) {
				return rule.headers();
			}
		}
		return this.fallback;
	}

	/**
	 * One pattern; {@code exact} or {@code prefix} are set when the pattern is a literal path, optionally
	 * followed by {@code /**}.
	 */
	private record Rule(PathPattern pattern, PresetHeaders headers, String exact, String prefix) {

		static Rule of(PathPattern pattern, PresetHeaders headers) {
			String text = pattern.getPatternString();
			boolean catchAll = text.endsWith("/**");
			String literal = catchAll ? text.substring(0, text.length() - 3) : text;
			if (literal.chars().anyMatch((c) -> c == '*' || c == '?' || c == '{' || c == '}' || c == '%' || c == ';')) {
				return new Rule(pattern, headers, null, null);
			}
			return catchAll ? new Rule(pattern, headers, literal, literal + "/") : new Rule(pattern, headers, literal, null);
		}

		boolean isLiteral() {
			return this.exact != null;
		}

		boolean matchesLiteral(String path) {
			if (this.prefix == null) {
				return path.equals(this.exact);
			}
			return path.startsWith(this.prefix) || path.equals(this.exact);
		}

	}

}
