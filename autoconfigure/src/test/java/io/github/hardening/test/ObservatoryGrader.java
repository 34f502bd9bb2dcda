package io.github.hardening.test;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a response's headers the way the MDN HTTP Observatory does for its header tests (CSP,
 * Referrer-Policy, HSTS, X-Content-Type-Options, X-Frame-Options, CORP, CORS): start at 100, add every
 * penalty, add the bonuses only when the score is still at least 90, round down to a multiple of 5.
 */
public final class ObservatoryGrader {

	private static final Set<String> KEYWORDS = Set.of("self", "none", "unsafe-inline", "unsafe-eval",
			"strict-dynamic", "unsafe-hashes", "report-sample", "wasm-unsafe-eval");

	private ObservatoryGrader() {
	}

	/**
	 * Grades the headers of a response to a request that carried {@code requestOrigin}.
	 * @param headers the response headers
	 * @param requestOrigin the foreign Origin the request was sent with, to detect reflection
	 * @return the grade with each test's modifier
	 */
	public static Grade grade(HttpHeaders headers, String requestOrigin) {
		Map<String, Integer> modifiers = new LinkedHashMap<>();
		modifiers.put("content-security-policy", csp(headers));
		modifiers.put("referrer-policy", referrerPolicy(headers));
		modifiers.put("strict-transport-security", hsts(headers));
		modifiers.put("x-content-type-options", contentTypeOptions(headers));
		modifiers.put("x-frame-options", frameOptions(headers));
		modifiers.put("cross-origin-resource-policy", corp(headers));
		modifiers.put("cross-origin-resource-sharing", cors(headers, requestOrigin));
		int score = 100 + modifiers.values().stream().filter((m) -> m < 0).mapToInt(Integer::intValue).sum();
		if (score >= 90) {
			score += modifiers.values().stream().filter((m) -> m > 0).mapToInt(Integer::intValue).sum();
		}
		score = Math.max(0, score - Math.floorMod(score, 5));
		return new Grade(score, letter(score), modifiers);
	}

	static String letter(int score) {
		int[] limits = { 100, 90, 85, 80, 70, 65, 60, 50, 45, 40, 30, 25 };
		String[] letters = { "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-" };
		for (int i = 0; i < limits.length; i++) {
			if (score >= limits[i]) {
				return letters[i];
			}
		}
		return "F";
	}

	static int csp(HttpHeaders headers) {
		List<String> values = headers.allValues("Content-Security-Policy");
		if (values.isEmpty()) {
			return -25;
		}
		Map<String, List<String>> policy = new LinkedHashMap<>();
		for (String value : values) {
			for (String directive : value.split(";")) {
				String[] tokens = directive.trim().split("\\s+");
				if (tokens[0].isEmpty()) {
					continue;
				}
				List<String> sources = Arrays.asList(tokens).subList(1, tokens.length);
				for (String source : sources) {
					if (KEYWORDS.contains(source.toLowerCase(Locale.ROOT))) {
						return -25;
					}
				}
				policy.putIfAbsent(tokens[0].toLowerCase(Locale.ROOT), sources);
			}
		}
		List<String> defaultSrc = policy.get("default-src");
		List<String> scriptSrc = policy.getOrDefault("script-src", defaultSrc);
		List<String> objectSrc = policy.getOrDefault("object-src", defaultSrc);
		List<String> styleSrc = policy.getOrDefault("style-src", defaultSrc);
		if (scriptSrc == null || objectSrc == null || unrestricted(objectSrc)) {
			return -20;
		}
		boolean nonceOrHash = scriptSrc.stream().anyMatch((s) -> s.startsWith("'nonce-") || s.startsWith("'sha"));
		boolean unsafeInlineScript = scriptSrc.contains("'unsafe-inline'") && !nonceOrHash;
		if (unsafeInlineScript || unrestricted(scriptSrc) || scriptSrc.contains("data:")
				|| scriptSrc.contains("https:") || scriptSrc.contains("http:")) {
			return -20;
		}
		if (scriptSrc.contains("'unsafe-eval'")) {
			return -10;
		}
		if (styleSrc != null && styleSrc.contains("'unsafe-inline'")) {
			return 0;
		}
		return (defaultSrc != null && defaultSrc.equals(List.of("'none'"))) ? 10 : 5;
	}

	private static boolean unrestricted(List<String> sources) {
		return sources.contains("*");
	}

	static int referrerPolicy(HttpHeaders headers) {
		Optional<String> value = headers.firstValue("Referrer-Policy");
		if (value.isEmpty()) {
			return 0;
		}
		String[] tokens = value.get().toLowerCase(Locale.ROOT).split(",");
		String effective = tokens[tokens.length - 1].trim();
		if (Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
			.contains(effective)) {
			return 5;
		}
		return -5;
	}

	static int hsts(HttpHeaders headers) {
		Optional<String> value = headers.firstValue("Strict-Transport-Security");
		if (value.isEmpty()) {
			return -20;
		}
		for (String part : value.get().split(";")) {
			String trimmed = part.trim().toLowerCase(Locale.ROOT);
			if (trimmed.startsWith("max-age=")) {
				try {
					long maxAge = Long.parseLong(trimmed.substring("max-age=".length()).replace("\"", ""));
					return (maxAge >= 15_768_000L) ? 0 : -10;
				}
				catch (NumberFormatException ex) {
					return -20;
				}
			}
		}
		return -20;
	}

	static int contentTypeOptions(HttpHeaders headers) {
		return headers.firstValue("X-Content-Type-Options").map((v) -> v.trim().equalsIgnoreCase("nosniff") ? 0 : -5)
			.orElse(-5);
	}

	static int frameOptions(HttpHeaders headers) {
		boolean frameAncestors = headers.allValues("Content-Security-Policy")
			.stream()
			.anyMatch((csp) -> csp.toLowerCase(Locale.ROOT).contains("frame-ancestors"));
		if (frameAncestors) {
			return 5;
		}
		return headers.firstValue("X-Frame-Options")
			.map((v) -> Set.of("deny", "sameorigin").contains(v.trim().toLowerCase(Locale.ROOT)) ? 0 : -20)
			.orElse(-20);
	}

	static int corp(HttpHeaders headers) {
		return headers.firstValue("Cross-Origin-Resource-Policy")
			.map((v) -> Set.of("same-origin", "same-site").contains(v.trim().toLowerCase(Locale.ROOT)) ? 10 : 0)
			.orElse(0);
	}

	static int cors(HttpHeaders headers, String requestOrigin) {
		Optional<String> allowOrigin = headers.firstValue("Access-Control-Allow-Origin");
		boolean credentials = headers.firstValue("Access-Control-Allow-Credentials")
			.map((v) -> v.trim().equalsIgnoreCase("true"))
			.orElse(false);
		if (allowOrigin.isPresent() && requestOrigin != null && allowOrigin.get().trim().equals(requestOrigin)
				&& credentials) {
			return -50;
		}
		return 0;
	}

	/**
	 * The result.
	 *
	 * @param score final score
	 * @param letter grade letter
	 * @param modifiers each test's modifier
	 */
	public record Grade(int score, String letter, Map<String, Integer> modifiers) {
	}

}
