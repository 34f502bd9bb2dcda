package io.github.hardening.sample;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.github.hardening.test.RedisTestSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sample instances on different ports with the {@code redis} profile share the limits of
 * {@code /api/limited}: five requests a minute per client address across both.
 */
class SampleRateLimitRedisTests {

	@Test
	void twoInstancesWithTheRedisProfileShareTheLimit() {
		String redisUrl = RedisTestSupport.redisUrl();
		String prefix = "hardening:sample-test:" + UUID.randomUUID() + ":";
		try (ConfigurableApplicationContext a = start(redisUrl, prefix); ConfigurableApplicationContext b = start(redisUrl, prefix)) {
			Http first = new Http(port(a));
			Http second = new Http(port(b));
			int admitted = 0;
			for (int i = 0; i < 8; i++) {
				Http http = (i % 2 == 0) ? first : second;
				HttpResponse<String> response = http.send(http.request("/api/limited")
					.header("X-Forwarded-For", "203.0.113.80").GET().build());
				admitted += (response.statusCode() == 200) ? 1 : 0;
			}
			assertThat(admitted).isEqualTo(5);
			assertThat(first.get("/actuator/hardening").body()).contains("\"type\":\"redis\"");
			assertThat(first.get("/actuator/prometheus").body())
				.containsPattern("hardening_rate_limit_store_latency_seconds_count\\{[^}]*outcome=\"success\"[^}]*} [1-9]");
		}
	}

	private static ConfigurableApplicationContext start(String redisUrl, String prefix) {
		// Command-line arguments, so that they win over the sample's application.yml as they would in production.
		// A generous command timeout: this test is about sharing, and on a loaded CI machine the default 100 ms
		// can expire, which fails open and admits a request the shared bucket would have refused.
		return new SpringApplicationBuilder(SampleApplication.class).profiles("redis")
			.run("--server.port=0", "--hardening.rate-limit.redis.url=" + redisUrl,
					"--hardening.rate-limit.redis.key-prefix=" + prefix,
					"--hardening.rate-limit.redis.command-timeout=2s");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
	}

}
