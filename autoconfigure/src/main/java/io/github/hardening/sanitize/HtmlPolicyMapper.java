package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the application's HTML policies from {@code hardening.sanitize.html.policies}, refusing at startup
 * what would let script or styles through, naming the property.
 */
final class HtmlPolicyMapper {

	private static final String PREFIX = "hardening.sanitize.html.policies.";

	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "frame", "object",
			"embed", "base", "meta", "link", "svg", "math", "form", "template", "noscript");

	private static final Set<String> ALLOWED_PROTOCOLS = Set.of("https", "http", "mailto", "tel");

	private HtmlPolicyMapper() {
	}

	static HtmlPolicies policies(SanitizeProperties.Html html) {
		Map<String, PolicyFactory> custom = new LinkedHashMap<>();
		Set<String> builtIns = HtmlPolicies.builtIns().keySet();
		html.getPolicies().forEach((name, policy) -> {
			if (builtIns.contains(name)) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + name, name,
						"Built-in policies " + builtIns + " cannot be redefined; choose another name.");
			}
			custom.put(name, policy(name, policy));
		});
		return new HtmlPolicies(custom, true);
	}

	private static PolicyFactory policy(String name, SanitizeProperties.HtmlPolicy policy) {
		HtmlPolicyBuilder builder = new HtmlPolicyBuilder();
		for (String element : policy.getElements()) {
			if (FORBIDDEN_ELEMENTS.contains(element.toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + name + ".elements", element,
						"Elements that run script, load content or change styles are never allowed; remove it.");
			}
			builder.allowElements(element);
		}
		policy.getAttributes().forEach((element, attributes) -> {
			for (String attribute : attributes) {
				if (isForbiddenAttribute(attribute)) {
					throw new InvalidConfigurationPropertyValueException(PREFIX + name + ".attributes." + element,
							attribute, "Event handlers, style and srcdoc attributes are never allowed; remove it.");
				}
			}
			builder.allowAttributes(attributes.toArray(String[]::new)).onElements(element);
		});
		List<String> protocols = policy.getProtocols();
		for (String protocol : protocols) {
			if (!ALLOWED_PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + name + ".protocols", protocol,
						"Use only " + ALLOWED_PROTOCOLS + "; javascript:, vbscript: and data: URLs can run script.");
			}
		}
		builder.allowUrlProtocols(protocols.toArray(String[]::new));
		if (policy.getElements().contains("a")) {
			builder.requireRelsOnLinks("nofollow", "noopener", "noreferrer");
		}
		return builder.toFactory();
	}

	private static boolean isForbiddenAttribute(String attribute) {
		String lower = attribute.toLowerCase(Locale.ROOT);
		return lower.startsWith("on") || lower.equals("style") || lower.equals("srcdoc") || lower.equals("formaction")
				|| lower.startsWith("xmlns");
	}

}
