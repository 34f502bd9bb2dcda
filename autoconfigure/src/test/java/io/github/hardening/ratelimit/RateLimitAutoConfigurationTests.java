package io.github.hardening.ratelimit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.RedisUrls;
import io.github.hardening.test.TcpEndpoints;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration: on by default, off by either switch, user beans win, bad policies stop the start.
 */
class RateLimitAutoConfigurationTests {

	private static final String[] POLICY = { "hardening.rate-limit.policies[0].name=api",
			"hardening.rate-limit.policies[0].match.paths=/api/**",
			"hardening.rate-limit.policies[0].limits[0].capacity=10" };

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HardeningAutoConfiguration.class, RateLimitAutoConfiguration.class));

	@Test
	void rateLimitIsOnByDefaultWithTheMemoryStore() {
		this.contextRunner.withPropertyValues(POLICY).run((context) -> {
			assertThat(context).hasSingleBean(RateLimitRules.class)
				.hasSingleBean(RateLimitEnforcer.class)
				.hasSingleBean(RateLimitInterceptor.class)
				.hasSingleBean(RateLimitReportContributor.class)
				.hasBean("hardeningRateLimitFilter");
			assertThat(context.getBean(RateLimitStore.class)).isInstanceOf(MemoryRateLimitStore.class);
			FilterRegistrationBean<?> registration = context.getBean("hardeningRateLimitFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RateLimitFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HardeningFilterOrder.RATE_LIMIT)
				.isGreaterThan(HardeningFilterOrder.CORS);
			RateLimitPolicy policy = context.getBean(RateLimitRules.class).policy("api");
			assertThat(policy.quotas()).containsExactly(new Quota("api", 10, 60));
			assertThat(policy.cost()).isEqualTo(1);
		});
	}

	@Test
	void rateLimitIsOffWhenRateLimitIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.rate-limit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitRules.class)
				.doesNotHaveBean("hardeningRateLimitFilter")
				.doesNotHaveBean(RateLimitReportContributor.class));
	}

	@Test
	void rateLimitIsOffWhenHardeningIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitRules.class)
				.doesNotHaveBean("hardeningRateLimitFilter"));
	}

	@Test
	void rateLimitStoreBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).withPropertyValues(POLICY)
			.run((context) -> {
				assertThat(context).hasSingleBean(RateLimitStore.class);
				assertThat(context.getBean(RateLimitStore.class)).isSameAs(UserStoreConfiguration.STORE);
			});
	}

	@Test
	void rateLimitFilterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean("hardeningRateLimitFilter").hasBean("userRateLimitFilter");
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.filteredOn((registration) -> registration.getFilter() instanceof RateLimitFilter)
				.hasSize(1);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "limits[0].capacity=0|policies[0].limits[0].capacity",
			"limits[0].capacity=-3|policies[0].limits[0].capacity",
			"limits[0].period=500ms|policies[0].limits[0].period",
			"key=cookie:session|policies[0].key", "key=header:|policies[0].key",
			"key=spel:getHeader('X-Tenant'|policies[0].key", "cost=11|policies[0].cost",
			"name=bad name|policies[0].name", "match.paths=api/**|policies[0].match.paths[0]",
			"match.methods=FETCH|policies[0].match.methods[0]" })
	void invalidPolicyStopsTheStartNamingTheProperty(String setting, String property) {
		this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues("hardening.rate-limit.policies[0]." + setting)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("Property hardening.rate-limit." + property + " with value"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "allow-list=10.0.0.0/33|allow-list[0]",
			"deny-list=203.0.113.7/24|deny-list[0]", "deny-list=not-an-ip|deny-list[0]",
			"excluded-paths=health|excluded-paths[0]", "max-keys=0|max-keys",
			"policies[1].name=api,policies[1].limits[0].capacity=5|policies[1].name",
			"policies[1].name=other|policies[1].limits" })
	void invalidSettingStopsTheStartNamingTheProperty(String settings, String property) {
		this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues(java.util.Arrays.stream(settings.split(",")).map((s) -> "hardening.rate-limit." + s)
				.toArray(String[]::new))
			.run((context) -> assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("Property hardening.rate-limit." + property + " with value"));
	}

	@Test
	void redisStoreIsUsedWhenConfiguredAndOffersReadinessOnlyWhenFailingClosed() throws Exception {
		WebApplicationContextRunner redis = this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues("hardening.rate-limit.store=redis",
					"hardening.rate-limit.redis.url=redis://127.0.0.1:" + closedPort());
		redis.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RedisRateLimitStore.class)
				.doesNotHaveBean(MemoryRateLimitStore.class)
				.doesNotHaveBean("rateLimitRedisReadinessCheck");
			assertThat(context.getBean(RateLimitStore.class).describe()).containsEntry("type", "redis")
				.containsEntry("key-prefix", "hardening:rl:");
		});
		redis.withPropertyValues("hardening.rate-limit.failure-mode=closed").run((context) -> {
			assertThat(context).hasBean("rateLimitRedisReadinessCheck");
			io.github.hardening.core.ReadinessCheck check = context.getBean("rateLimitRedisReadinessCheck",
					io.github.hardening.core.ReadinessCheck.class);
			assertThat(check.name()).isEqualTo("rate-limit-redis");
		});
		redis.withPropertyValues("hardening.rate-limit.redis.readiness-check=true")
			.run((context) -> assertThat(context).hasBean("rateLimitRedisReadinessCheck"));
	}

	@Test
	void redisUrlFallsBackToSpringDataRedisSettings() {
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.data.redis.host", "redis.internal")
			.withProperty("spring.data.redis.port", "6380")
			.withProperty("spring.data.redis.password", "pw");
		assertThat(RedisUrls.resolve(null, environment)).isEqualTo("redis://:pw@redis.internal:6380/0");
		assertThat(RedisUrls.resolve("redis://own:6379", environment)).isEqualTo("redis://own:6379");
		assertThat(RedisUrls.resolve("", new org.springframework.mock.env.MockEnvironment()))
			.isEqualTo("redis://localhost:6379/0");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "redis.command-timeout=0ms|redis.command-timeout",
			"redis.failure-threshold=0|redis.failure-threshold", "redis.key-prefix=rl:{x}:|redis.key-prefix",
			"redis.open-interval=0s|redis.open-interval" })
	void invalidRedisSettingStopsTheStartNamingTheProperty(String setting, String property) throws Exception {
		this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues("hardening.rate-limit.store=redis",
					"hardening.rate-limit.redis.url=redis://127.0.0.1:" + closedPort(), "hardening.rate-limit." + setting)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("Property hardening.rate-limit." + property + " with value"));
	}

	private static int closedPort() throws java.io.IOException {
		return TcpEndpoints.freePort();
	}

	@Test
	void bansAreOffByDefaultAndTheirEndpointIsAvailableWhenExposed() {
		this.contextRunner.withPropertyValues(POLICY).run((context) -> {
			assertThat(context.getBean(PenaltyBox.class)).isSameAs(PenaltyBox.NONE);
			assertThat(context).doesNotHaveBean(RateLimitBansEndpoint.class);
		});
		this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues("hardening.rate-limit.ban.enabled=true",
					"management.endpoints.web.exposure.include=ratelimitbans")
			.run((context) -> {
				assertThat(context.getBean(PenaltyBox.class)).isInstanceOf(MemoryPenaltyBox.class);
				assertThat(context).hasSingleBean(RateLimitBansEndpoint.class);
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ban.threshold=0|ban.threshold", "ban.window=100ms|ban.window",
			"ban.duration=0s|ban.duration" })
	void invalidBanSettingStopsTheStartNamingTheProperty(String setting, String property) {
		this.contextRunner.withPropertyValues(POLICY)
			.withPropertyValues("hardening.rate-limit.ban.enabled=true", "hardening.rate-limit." + setting)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("Property hardening.rate-limit." + property + " with value"));
	}

	@Test
	void rateLimitedHandlerNamingAnUnknownPolicyStopsTheStart() {
		this.contextRunner.withPropertyValues(POLICY)
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration.class,
					org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration.class))
			.withUserConfiguration(UnknownPolicyController.class)
			.run((context) -> assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.rate-limit.policies")
				.hasMessageContaining("@RateLimited(\"nope\")"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		static final RateLimitStore STORE = new RateLimitStore() {

			@Override
			public RateLimitDecision tryConsume(RateLimitPolicy policy, String key) {
				throw new RateLimitStoreException("not used", null);
			}

			@Override
			public Map<String, Object> describe() {
				return Map.of("type", "user");
			}

		};

		@Bean
		RateLimitStore userStore() {
			return STORE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		FilterRegistrationBean<RateLimitFilter> userRateLimitFilter(RateLimitRules rules, RateLimitEnforcer enforcer,
				io.github.hardening.core.ClientAddressResolver clients,
				io.github.hardening.core.ProblemResponseWriter problems, RateLimitCounters counters) {
			return new FilterRegistrationBean<>(new RateLimitFilter(rules, enforcer, clients, problems, counters));
		}

	}

	@org.springframework.web.bind.annotation.RestController
	static class UnknownPolicyController {

		@RateLimited("nope")
		@org.springframework.web.bind.annotation.GetMapping("/x")
		String x() {
			return "x";
		}

	}

}
