package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.IpAddressRange;

/**
 * Validates {@link RateLimitProperties} and builds the {@link RateLimitRules}; every invalid value stops the
 * start with an exception that names its property and the fix.
 */
final class RateLimitRulesMapper {

	private static final String PREFIX = "hardening.rate-limit.";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private RateLimitRulesMapper() {
	}

	static RateLimitRules rules(RateLimitProperties properties, ClientAddressResolver clients) {
		if (properties.getMaxKeys() < 1) {
			throw invalid("max-keys", properties.getMaxKeys(), "Give the most buckets to keep in memory, e.g. 100000.");
		}
		List<RateLimitPolicy> policies = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < properties.getPolicies().size(); i++) {
			RateLimitPolicy policy = policy("policies[" + i + "].", properties.getPolicies().get(i), clients);
			if (!names.add(policy.name())) {
				throw invalid("policies[" + i + "].name", policy.name(), "Each policy needs a name of its own.");
			}
			policies.add(policy);
		}
		return new RateLimitRules(List.copyOf(policies), paths("excluded-paths", properties.getExcludedPaths()),
				ranges("allow-list", properties.getAllowList()), ranges("deny-list", properties.getDenyList()));
	}

	private static RateLimitPolicy policy(String at, RateLimitPolicyProperties policy, ClientAddressResolver clients) {
		String name = policy.getName();
		if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
			throw invalid(at + "name", name, "Name the policy with letters, digits, '.', '_' or '-', e.g. api-per-ip.");
		}
		if (policy.getLimits().isEmpty()) {
			throw invalid(at + "limits", "[]", "Give at least one limit, e.g. {capacity: 100, period: 1m}.");
		}
		List<Quota> quotas = new ArrayList<>();
		ConfigurationBuilder bucket = BucketConfiguration.builder();
		Set<Long> windows = new HashSet<>();
		long smallestCapacity = Long.MAX_VALUE;
		for (int j = 0; j < policy.getLimits().size(); j++) {
			RateLimitPolicyProperties.Limit limit = policy.getLimits().get(j);
			String limitAt = at + "limits[" + j + "].";
			if (limit.getCapacity() < 1 || limit.getCapacity() > 1_000_000_000L) {
				throw invalid(limitAt + "capacity", limit.getCapacity(),
						"Give the requests allowed per period, between 1 and 1000000000.");
			}
			Duration period = limit.getPeriod();
			if (period == null || period.toMillis() < 1000 || period.toMillis() % 1000 != 0
					|| period.compareTo(Duration.ofDays(366)) > 0) {
				throw invalid(limitAt + "period", period, "Give whole seconds between 1s and 366d, e.g. 1m.");
			}
			if (!windows.add(period.getSeconds())) {
				throw invalid(limitAt + "period", period, "Another limit of this policy has the same period; merge them.");
			}
			String quotaName = (policy.getLimits().size() == 1) ? name : name + "-" + period.getSeconds() + "s";
			quotas.add(new Quota(quotaName, limit.getCapacity(), period.getSeconds()));
			bucket.addLimit(Bandwidth.builder().capacity(limit.getCapacity())
				.refillGreedy(limit.getCapacity(), period).build());
			smallestCapacity = Math.min(smallestCapacity, limit.getCapacity());
		}
		if (policy.getCost() < 1 || policy.getCost() > smallestCapacity) {
			throw invalid(at + "cost", policy.getCost(),
					"Give the tokens a request takes, between 1 and the smallest capacity (" + smallestCapacity + ").");
		}
		RateLimitKeyResolver key;
		try {
			key = KeyResolvers.parse(policy.getKey(), policy.getMissingKey(), clients);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(at + "key", policy.getKey(), ex.getMessage());
		}
		Set<String> methods = new LinkedHashSet<>();
		for (int m = 0; m < policy.getMatch().getMethods().size(); m++) {
			String method = policy.getMatch().getMethods().get(m).trim().toUpperCase(Locale.ROOT);
			if (!METHODS.contains(method)) {
				throw invalid(at + "match.methods[" + m + "]", method, "Use one of " + METHODS + ".");
			}
			methods.add(method);
		}
		return new RateLimitPolicy(name, paths(at + "match.paths", policy.getMatch().getPaths()), Set.copyOf(methods),
				key, List.copyOf(quotas), policy.getCost(), bucket.build());
	}

	private static List<PathPattern> paths(String property, List<String> patterns) {
		List<PathPattern> result = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			String pattern = patterns.get(i);
			if (pattern == null || !pattern.startsWith("/")) {
				throw invalid(property + "[" + i + "]", pattern, "Path patterns start with '/', e.g. /api/**.");
			}
			try {
				result.add(PathPatternParser.defaultInstance.parse(pattern));
			}
			catch (PatternParseException ex) {
				throw invalid(property + "[" + i + "]", pattern, "Not a valid path pattern: " + ex.getMessage());
			}
		}
		return List.copyOf(result);
	}

	private static List<IpAddressRange> ranges(String property, List<String> cidrs) {
		List<IpAddressRange> result = new ArrayList<>();
		for (int i = 0; i < cidrs.size(); i++) {
			try {
				result.add(IpAddressRange.parse(cidrs.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw invalid(property + "[" + i + "]", cidrs.get(i),
						"Give an address or CIDR block such as 203.0.113.0/24: " + ex.getMessage());
			}
		}
		return List.copyOf(result);
	}

	private static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + property, value, reason);
	}

}
