package io.github.hardening.core;

import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the {@link ClientAddressResolver} from {@link ClientIpProperties}, naming the offending property
 * when a CIDR block is invalid.
 */
final class ClientAddressResolvers {

	private ClientAddressResolvers() {
	}

	static ClientAddressResolver fromProperties(ClientIpProperties properties) {
		List<String> ranges = properties.getTrustedProxies();
		for (int i = 0; i < ranges.size(); i++) {
			try {
				IpAddressRange.parse(ranges.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("hardening.client-ip.trusted-proxies[" + i + "]",
						ranges.get(i), ex.getMessage() + ". Use CIDR notation such as 10.0.0.0/8 or fd00::/8.");
			}
		}
		return new ClientAddressResolver(TrustedProxies.of(ranges), properties.isUseForwardedHeader());
	}

}
