package io.github.hardening.ratelimit;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Stops the start when a {@link RateLimited} handler names a policy that is not configured, rather than
 * leaving the handler silently unlimited.
 */
class RateLimitedHandlerValidator implements SmartInitializingSingleton {

	private final RateLimitRules rules;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	RateLimitedHandlerValidator(RateLimitRules rules, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.rules = rules;
		this.mappings = mappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> known = this.rules.policies().stream().map(RateLimitPolicy::name).toList();
		this.mappings.orderedStream().forEach((mapping) -> mapping.getHandlerMethods().values().forEach((method) -> {
			RateLimited annotation = RateLimitInterceptor.annotation(method);
			if (annotation == null) {
				return;
			}
			for (String name : annotation.value()) {
				if (this.rules.policy(name) == null) {
					throw new InvalidConfigurationPropertyValueException("hardening.rate-limit.policies", known,
							"@RateLimited(\"" + name + "\") on " + method + " names no configured policy; add a policy "
									+ "with name: " + name + " or fix the annotation.");
				}
			}
		}));
	}

}
