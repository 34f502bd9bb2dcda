package io.github.hardening.cors;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Refuses CORS policies that would silently let strangers in (a wildcard or the 'null' origin with
 * credentials, over-broad patterns, plain http in strict mode) or silently never match (malformed origins
 * and paths), naming the exact property and the fix.
 */
public class CorsPolicyValidator {

	private final boolean strict;

	/**
	 * Creates a validator.
	 * @param strict whether plain http origins of remote hosts are refused ({@code hardening.mode=strict})
	 */
	public CorsPolicyValidator(boolean strict) {
		this.strict = strict;
	}

	/**
	 * Validates every policy, mappings first, and their paths.
	 * @param policies the policies as returned by {@link CorsPolicySettings#all}
	 * @throws InvalidConfigurationPropertyValueException for the first problem found
	 */
	public void validateAll(List<CorsPolicySettings> policies) {
		Set<String> seenPaths = new HashSet<>();
		for (CorsPolicySettings policy : policies) {
			if (!policy.isGlobal()) {
				validatePaths(policy, seenPaths);
			}
			validate(policy);
		}
	}

	/**
	 * Validates one policy's origins, patterns, credentials and max age.
	 * @param policy the policy
	 * @throws InvalidConfigurationPropertyValueException for the first problem found
	 */
	public void validate(CorsPolicySettings policy) {
		if (policy.allowNullOrigin() && policy.allowCredentials()) {
			throw new InvalidConfigurationPropertyValueException(policy.property("allow-null-origin"), true,
					"Every sandboxed iframe and local file sends the 'null' origin, so with credentials allowed ("
							+ policy.property("allow-credentials") + "=true) any web site could read responses "
							+ "with the user's cookies. Set allow-null-origin=false or allow-credentials=false.");
		}
		List<String> origins = policy.allowedOrigins();
		for (int i = 0; i < origins.size(); i++) {
			checkOrigin(policy, policy.property("allowed-origins") + "[" + i + "]", origins.get(i));
		}
		List<String> patterns = policy.allowedOriginPatterns();
		for (int i = 0; i < patterns.size(); i++) {
			String name = policy.property("allowed-origin-patterns") + "[" + i + "]";
			String pattern = patterns.get(i);
			checkWildcard(policy, name, pattern);
			if (!OriginRules.ANY.equals(pattern)) {
				refuseIfProblem(name, pattern, OriginRules.patternProblem(pattern));
				checkPlainHttp(name, pattern);
			}
		}
		if (policy.maxAge() != null && policy.maxAge().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(policy.property("max-age"), policy.maxAge(),
					"A negative max age is not valid. Use 0 to disable preflight caching, or e.g. 10m.");
		}
	}

	private void checkOrigin(CorsPolicySettings policy, String name, String origin) {
		checkWildcard(policy, name, origin);
		if (OriginRules.ANY.equals(origin)) {
			return;
		}
		if (OriginRules.NULL_ORIGIN.equalsIgnoreCase(origin)) {
			if (!policy.allowNullOrigin()) {
				throw new InvalidConfigurationPropertyValueException(name, origin,
						"Every sandboxed iframe and local file on any web site sends the 'null' origin, so allowing "
								+ "it lets strangers in. Remove it, or set " + policy.prefix()
								+ ".allow-null-origin=true if you accept that.");
			}
			return;
		}
		refuseIfProblem(name, origin, OriginRules.originProblem(origin));
		checkPlainHttp(name, origin);
	}

	private void checkWildcard(CorsPolicySettings policy, String name, String value) {
		if (OriginRules.ANY.equals(value) && policy.allowCredentials()) {
			throw new InvalidConfigurationPropertyValueException(name, value,
					"'*' allows every origin, and with credentials allowed (" + policy.property("allow-credentials")
							+ "=true) any web site could read responses with the user's cookies. List the trusted "
							+ "origins instead, or set allow-credentials=false for a public API.");
		}
	}

	private void checkPlainHttp(String name, String value) {
		if (this.strict && OriginRules.isPlainHttpRemote(value)) {
			throw new InvalidConfigurationPropertyValueException(name, value,
					"A plain http origin can be impersonated by anyone on the network path, which defeats TLS "
							+ "(hardening.mode=strict allows http only for localhost, 127.0.0.1 and [::1]). "
							+ "Use the https origin.");
		}
	}

	private static void refuseIfProblem(String name, String value, String problem) {
		if (problem != null) {
			throw new InvalidConfigurationPropertyValueException(name, value, problem);
		}
	}

	private static void validatePaths(CorsPolicySettings policy, Set<String> seenPaths) {
		List<String> paths = policy.paths();
		if (paths.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(policy.property("paths"), null,
					"A mapping needs at least one path pattern, e.g. /api/public/**.");
		}
		for (int i = 0; i < paths.size(); i++) {
			String name = policy.property("paths") + "[" + i + "]";
			String path = paths.get(i);
			if (path == null || !path.startsWith("/")) {
				throw new InvalidConfigurationPropertyValueException(name, path,
						"A path pattern starts with '/', e.g. /api/public/**.");
			}
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(name, path,
						"Not a valid path pattern: " + ex.getMessage() + ". Use PathPattern syntax such as /api/**.");
			}
			if (!seenPaths.add(path)) {
				throw new InvalidConfigurationPropertyValueException(name, path, "An earlier mapping already lists "
						+ "this path and the first match wins, so this one would never apply. Merge the mappings.");
			}
		}
	}

}
