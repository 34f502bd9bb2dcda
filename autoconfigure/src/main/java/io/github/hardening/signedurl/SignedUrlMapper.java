package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Turns {@link SignedUrlProperties} into keys, policy and path patterns, naming the property of any invalid
 * value and how to fix it.
 */
final class SignedUrlMapper {

	static final String PREFIX = "hardening.signed-url.";

	static final String GENERATE_HINT = "Generate a secret with: openssl rand -base64 32";

	private SignedUrlMapper() {
	}

	static SigningKeys keys(SignedUrlProperties properties) {
		List<SignedUrlProperties.Key> configured = properties.getKeys();
		if (configured.isEmpty()) {
			if (StringUtils.hasText(properties.getSigningKeyId())) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "signing-key-id",
						properties.getSigningKeyId(), "No key is listed in " + PREFIX + "keys. " + GENERATE_HINT
								+ " and add it as " + PREFIX + "keys[0].id/secret.");
			}
			// The startup audit reports it: a warning in warn mode, a refusal to start in strict mode.
			return SigningKeys.ephemeral();
		}
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		for (int i = 0; i < configured.size(); i++) {
			SignedUrlProperties.Key key = configured.get(i);
			String property = PREFIX + "keys[" + i + "]";
			if (key.getId() == null || !key.getId().matches("[A-Za-z0-9._~-]{1,64}")) {
				throw new InvalidConfigurationPropertyValueException(property + ".id", key.getId(),
						"Give each key a short id of letters, digits, '.', '_', '~' or '-', e.g. k1.");
			}
			if (secrets.containsKey(key.getId())) {
				throw new InvalidConfigurationPropertyValueException(property + ".id", key.getId(),
						"Key ids must be unique.");
			}
			secrets.put(key.getId(), secret(property + ".secret", key.getSecret()));
		}
		String signing = properties.getSigningKeyId();
		if (!StringUtils.hasText(signing)) {
			if (secrets.size() > 1) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "signing-key-id", signing,
						"Several keys are listed: name the one that signs new links, one of " + secrets.keySet() + ".");
			}
			signing = secrets.keySet().iterator().next();
		}
		if (!secrets.containsKey(signing)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "signing-key-id", signing,
					"Give the id of a key listed in " + PREFIX + "keys: one of " + secrets.keySet() + ".");
		}
		return new SigningKeys(secrets, signing);
	}

	private static byte[] secret(String property, String value) {
		byte[] secret;
		try {
			secret = (value != null) ? Base64.getDecoder().decode(value.trim()) : new byte[0];
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, "(masked)",
					"The secret is not valid base64. " + GENERATE_HINT + ".");
		}
		if (secret.length < SigningKeys.MIN_SECRET_BYTES) {
			throw new InvalidConfigurationPropertyValueException(property, "(masked)", "The secret has "
					+ secret.length + " bytes; at least " + SigningKeys.MIN_SECRET_BYTES + " are needed. "
					+ GENERATE_HINT + ".");
		}
		return secret;
	}

	static SignedUrlPolicy policy(SignedUrlProperties properties) {
		SignedUrlProperties.Parameters p = properties.getParameters();
		SignedUrlParameters names = new SignedUrlParameters(p.getExpires(), p.getKeyId(), p.getSignature(),
				p.getNonce(), p.getClient(), p.getUser());
		try {
			names.validated();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "parameters", names,
					"Give distinct parameter names of letters, digits, '.', '_', '~' or '-': " + ex.getMessage());
		}
		Duration maxTtl = positive("max-ttl", properties.getMaxTtl());
		Duration defaultTtl = positive("default-ttl", properties.getDefaultTtl());
		if (defaultTtl.compareTo(maxTtl) > 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "default-ttl", defaultTtl,
					"The default lifetime must not exceed " + PREFIX + "max-ttl (" + maxTtl + ").");
		}
		Duration skew = properties.getClockSkew();
		if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "clock-skew", skew,
					"Give a skew between 0s and 10m, e.g. 30s.");
		}
		return new SignedUrlPolicy(names, defaultTtl, maxTtl, skew);
	}

	private static Duration positive(String name, Duration value) {
		if (value == null || value.toSeconds() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, value,
					"Give a lifetime of at least one second, e.g. 1h.");
		}
		return value;
	}

	static List<PathPattern> patterns(String name, List<String> patterns) {
		List<PathPattern> result = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			try {
				result.add(PathPatternParser.defaultInstance.parse(patterns.get(i)));
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + name + "[" + i + "]", patterns.get(i),
						"Not a valid path pattern: " + ex.getMessage());
			}
		}
		return result;
	}

}
