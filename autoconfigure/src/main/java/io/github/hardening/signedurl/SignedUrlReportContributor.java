package io.github.hardening.signedurl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code signed-url} entry of {@code /actuator/hardening}; key ids only, never secrets.
 */
class SignedUrlReportContributor implements HardeningReportContributor {

	private final SignedUrlProperties properties;

	private final SigningKeys keys;

	private final SignedUrlCounters counters;

	private final StoreState store;

	SignedUrlReportContributor(SignedUrlProperties properties, SigningKeys keys, SignedUrlCounters counters,
			StoreState store) {
		this.properties = properties;
		this.keys = keys;
		this.counters = counters;
		this.store = store;
	}

	@Override
	public String feature() {
		return "signed-url";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("key-ids", this.keys.ids());
		settings.put("signing-key-id", this.keys.signingKeyId());
		settings.put("ephemeral-key", this.keys.isEphemeral());
		settings.put("default-ttl", String.valueOf(this.properties.getDefaultTtl()));
		settings.put("max-ttl", String.valueOf(this.properties.getMaxTtl()));
		settings.put("clock-skew", String.valueOf(this.properties.getClockSkew()));
		settings.put("protected-paths", this.properties.getProtectedPaths());
		settings.put("single-use-paths", this.properties.getSingleUsePaths());
		settings.put("store", this.properties.getStore().name().toLowerCase(Locale.ROOT));
		settings.put("failure-mode", this.store.failures().mode());
		NonceStore nonces = this.store.nonces().getIfAvailable();
		if (nonces != null) {
			Map<String, Object> state = new LinkedHashMap<>(nonces.describe());
			state.put("failing", this.store.failures().isFailing());
			settings.put("store-state", state);
		}
		Map<String, Object> counts = new LinkedHashMap<>(this.counters.snapshot());
		counts.putAll(this.store.failures().snapshot());
		return new FeatureReport(true, settings, counts);
	}

	/**
	 * The single-use store and its failure policy, as far as they exist.
	 *
	 * @param nonces the store, absent when it cannot be created
	 * @param failures the failure policy and its counters
	 */
	record StoreState(ObjectProvider<NonceStore> nonces, NonceStoreFailures failures) {
	}

}
