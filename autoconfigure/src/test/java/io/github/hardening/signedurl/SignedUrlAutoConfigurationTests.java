package io.github.hardening.signedurl;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.StartupAuditException;

import static org.assertj.core.api.Assertions.assertThat;

class SignedUrlAutoConfigurationTests {

	private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static final String SHORT_SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZQ==";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, SignedUrlAutoConfiguration.class));

	@Test
	void signerFilterAndReportAreCreatedWithAConfiguredKey() {
		this.contextRunner.withPropertyValues("hardening.signed-url.keys[0].id=k1", "hardening.signed-url.keys[0].secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(UrlSigner.class).hasSingleBean(SignedUrlEnforcer.class)
					.hasSingleBean(MemoryNonceStore.class).hasBean("signedUrlFilterRegistration");
				assertThat(context.getBean(SigningKeys.class).signingKeyId()).isEqualTo("k1");
				assertThat(context.getBean(SigningKeys.class).isEphemeral()).isFalse();
				HardeningReportContributor report = context.getBeansOfType(HardeningReportContributor.class).values()
					.stream().filter((c) -> c.feature().equals("signed-url")).findFirst().orElseThrow();
				assertThat(report.report().settings()).containsEntry("signing-key-id", "k1")
					.doesNotContainValue(SECRET);
				assertThat(report.report().counters()).containsKeys("valid", "expired", "bad-signature");
			});
	}

	@Test
	void warnModeWithoutKeysUsesAnEphemeralKey() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SigningKeys.class).isEphemeral()).isTrue();
		});
	}

	@Test
	void strictModeWithoutKeysRefusesToStart() {
		this.contextRunner.withPropertyValues("hardening.mode=strict")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(StartupAuditException.class)
				.hasMessageContaining("hardening.signed-url.keys")
				.hasMessageContaining("openssl rand -base64 32"));
	}

	@Test
	void strictModeWithAKeyStarts() {
		this.contextRunner.withPropertyValues("hardening.mode=strict", "hardening.signed-url.keys[0].id=k1",
				"hardening.signed-url.keys[0].secret=" + SECRET)
			.run((context) -> assertThat(context.getStartupFailure())
				.as("the bare context has other findings, but none about signing keys")
				.isInstanceOf(StartupAuditException.class)
				.hasMessageContaining("management.endpoint.health.probes.enabled")
				.hasMessageNotContaining("hardening.signed-url"));
	}

	@Test
	void shortSecretFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.signed-url.keys[0].id=k1",
				"hardening.signed-url.keys[0].secret=" + SHORT_SECRET)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.signed-url.keys[0].secret")
				.hasMessageContaining("31 bytes")
				.hasMessageNotContaining(SHORT_SECRET));
	}

	@Test
	void unknownSigningKeyIdFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.signed-url.keys[0].id=k1",
				"hardening.signed-url.keys[0].secret=" + SECRET, "hardening.signed-url.signing-key-id=k2")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.signed-url.signing-key-id"));
	}

	@Test
	void invalidPatternOrTtlFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.signed-url.protected-paths=/files/**/x/**")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.signed-url.protected-paths[0]"));
		this.contextRunner.withPropertyValues("hardening.signed-url.default-ttl=8d")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.signed-url.default-ttl"));
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.signed-url.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UrlSigner.class).doesNotHaveBean(SignedUrlEnforcer.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UrlSigner.class));
	}

	@Test
	void userBeansWin() {
		this.contextRunner.withUserConfiguration(UserConfiguration.class).run((context) -> {
			assertThat(context.getBean(UrlSigner.class)).isSameAs(context.getBean("mySigner"));
			assertThat(context.getBean(NonceStore.class)).isSameAs(context.getBean("myStore"));
		});
	}

	@Test
	void redisStoreIsUsedWhenConfigured() {
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1")
			.run((context) -> assertThat(context).hasSingleBean(RedisNonceStore.class).doesNotHaveBean(MemoryNonceStore.class));
	}

	@Test
	void redisStoreSettingsAreCheckedNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1", "hardening.signed-url.redis.failure-threshold=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.signed-url.redis.failure-threshold"));
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1", "hardening.signed-url.redis.open-interval=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.signed-url.redis.open-interval"));
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1", "hardening.signed-url.redis.command-timeout=0ms")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.signed-url.redis.command-timeout"));
	}

	@Test
	void redisReadinessCheckIsOnlyCreatedWhenAskedFor() {
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1")
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessCheck.class));
		this.contextRunner.withPropertyValues("hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1", "hardening.signed-url.redis.readiness-check=true")
			.run((context) -> assertThat(context.getBean(ReadinessCheck.class).name()).isEqualTo("signed-url-redis"));
		this.contextRunner.withPropertyValues("hardening.signed-url.redis.readiness-check=true")
			.run((context) -> assertThat(context).as("memory store: nothing to check")
				.doesNotHaveBean(ReadinessCheck.class));
	}

	@Test
	void failureModeIsClosedByDefaultAndReported() {
		this.contextRunner.run((context) -> assertThat(context.getBean("signedUrlReportContributor",
				HardeningReportContributor.class).report().settings()).containsEntry("failure-mode", "closed"));
		this.contextRunner.withPropertyValues("hardening.signed-url.failure-mode=open")
			.run((context) -> assertThat(context.getBean("signedUrlReportContributor",
					HardeningReportContributor.class).report().settings()).containsEntry("failure-mode", "open"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConfiguration {

		@Bean
		UrlSigner mySigner() {
			return new UrlSigner(new SigningKeys(Map.of("mine", new byte[32]), "mine"), SignedUrlPolicy.DEFAULTS,
					Clock.systemUTC());
		}

		@Bean
		NonceStore myStore() {
			return (key, ttl) -> true;
		}

	}

}
