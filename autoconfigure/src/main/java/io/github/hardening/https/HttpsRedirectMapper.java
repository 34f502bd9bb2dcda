package io.github.hardening.https;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningCounter;

/**
 * Builds the {@link HttpsRedirectFilter} from {@link HttpsProperties}, naming the property of any invalid
 * value.
 */
final class HttpsRedirectMapper {

	private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

	private HttpsRedirectMapper() {
	}

	static HttpsRedirectFilter filter(HttpsProperties.Redirect redirect, ClientAddressResolver clientAddresses,
			HardeningCounter redirects) {
		if (!REDIRECT_STATUSES.contains(redirect.getStatus())) {
			throw new InvalidConfigurationPropertyValueException("hardening.https.redirect.status",
					redirect.getStatus(), "Use one of " + REDIRECT_STATUSES + "; 308 keeps the method and body.");
		}
		if (redirect.getPort() < 1 || redirect.getPort() > 65535) {
			throw new InvalidConfigurationPropertyValueException("hardening.https.redirect.port", redirect.getPort(),
					"A port is between 1 and 65535.");
		}
		String host = redirect.getHost();
		boolean fixedHost = host != null && !host.isBlank();
		if (fixedHost && !host.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
			throw new InvalidConfigurationPropertyValueException("hardening.https.redirect.host", host,
					"Give a bare host name such as www.example.com, without scheme, port or path.");
		}
		return new HttpsRedirectFilter(clientAddresses, excludedPaths(redirect.getExcludedPaths()),
				redirect.getStatus(), fixedHost ? host : null, redirect.getPort(), redirects);
	}

	private static List<PathPattern> excludedPaths(List<String> patterns) {
		List<PathPattern> result = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			try {
				result.add(PathPatternParser.defaultInstance.parse(patterns.get(i)));
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(
						"hardening.https.redirect.excluded-paths[" + i + "]", patterns.get(i),
						"Not a valid path pattern: " + ex.getMessage());
			}
		}
		return result;
	}

}
