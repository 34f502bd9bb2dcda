package io.github.hardening.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import io.github.hardening.core.ClientAddressResolver;

/**
 * Builds the {@link RateLimitKeyResolver} a policy's {@code key} setting names.
 */
final class KeyResolvers {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private KeyResolvers() {
	}

	/**
	 * Parses a key setting.
	 * @param key {@code ip}, {@code user}, {@code global}, {@code header:Name} or {@code spel:expression}
	 * @param missingKey what a header key does when the header is absent
	 * @param clients resolves client addresses through trusted proxies
	 * @return the resolver
	 * @throws IllegalArgumentException with the reason when the setting is not valid
	 */
	static RateLimitKeyResolver parse(String key, RateLimitPolicyProperties.MissingKey missingKey,
			ClientAddressResolver clients) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("Use ip, user, global, header:<Name> or spel:<expression>.");
		}
		RateLimitKeyResolver ip = (request) -> clients.resolve(request).ip();
		String trimmed = key.trim();
		if (trimmed.equals("ip")) {
			return ip;
		}
		if (trimmed.equals("global")) {
			return (request) -> "global";
		}
		if (trimmed.equals("user")) {
			return new UserKeyResolver(ip);
		}
		if (trimmed.startsWith("header:")) {
			String header = trimmed.substring("header:".length()).trim();
			if (!header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
				throw new IllegalArgumentException("'" + header + "' is not a header name; use e.g. header:X-Api-Key.");
			}
			return new HeaderKeyResolver(header, (missingKey == RateLimitPolicyProperties.MissingKey.IP) ? ip : null);
		}
		if (trimmed.startsWith("spel:")) {
			return expression(trimmed.substring("spel:".length()), ip);
		}
		throw new IllegalArgumentException(
				"Unknown key kind '" + trimmed + "'; use ip, user, global, header:<Name> or spel:<expression>.");
	}

	private static RateLimitKeyResolver expression(String text, RateLimitKeyResolver fallback) {
		Expression expression;
		try {
			expression = PARSER.parseExpression(text);
		}
		catch (ParseException | IllegalStateException ex) {
			throw new IllegalArgumentException("Not a valid SpEL expression: " + ex.getMessage());
		}
		// Read-only context with the request as root: properties and its methods, no type references or
		// constructors, so even a careless expression cannot reach beyond the request.
		return (request) -> {
			SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding()
				.withInstanceMethods()
				.withRootObject(request)
				.build();
			Object value = expression.getValue(context);
			String text2 = (value != null) ? value.toString() : "";
			return text2.isEmpty() ? fallback.resolve(request) : "spel:" + text2;
		};
	}

	/**
	 * The authenticated user's name, or the client address for anonymous requests.
	 */
	record UserKeyResolver(RateLimitKeyResolver fallback) implements RateLimitKeyResolver {

		@Override
		public String resolve(HttpServletRequest request) {
			Principal principal = request.getUserPrincipal();
			return (principal != null && principal.getName() != null) ? "user:" + principal.getName()
					: fallback.resolve(request);
		}

		@Override
		public boolean needsUser() {
			return true;
		}

	}

	/**
	 * A header's value, hashed so that API keys are never stored or shown as they are.
	 */
	record HeaderKeyResolver(String header, RateLimitKeyResolver fallback) implements RateLimitKeyResolver {

		/** A digest per thread: {@code MessageDigest.getInstance} per request costs a provider lookup. */
		private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HeaderKeyResolver::newDigest);

		private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

		@Override
		public String resolve(HttpServletRequest request) {
			String value = request.getHeader(this.header);
			if (value == null || value.isBlank()) {
				return (this.fallback != null) ? this.fallback.resolve(request) : null;
			}
			return sha256(value);
		}

		/** Returns {@code h:} and the first 16 bytes of the value's SHA-256, in lower-case hex. */
		private static String sha256(String value) {
			MessageDigest digest = SHA_256.get();
			byte[] hash = digest.digest(value.getBytes(StandardCharsets.UTF_8));
			byte[] key = new byte[2 + 32];
			key[0] = 'h';
			key[1] = ':';
			for (int i = 0; i < 16; i++) {
				key[2 + 2 * i] = HEX[(hash[i] >> 4) & 0xf];
				key[3 + 2 * i] = HEX[hash[i] & 0xf];
			}
			return new String(key, StandardCharsets.US_ASCII);
		}

		private static MessageDigest newDigest() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
			}
		}

	}

}
