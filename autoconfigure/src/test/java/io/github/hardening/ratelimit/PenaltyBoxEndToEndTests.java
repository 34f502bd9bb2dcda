package io.github.hardening.ratelimit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.hardening.test.RedisTestSupport;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary bans over real HTTP: a client rejected twice is banned (403 with Retry-After), the ban is listed and
 * can be lifted; with Redis, a ban made on one instance holds on the other.
 */
class PenaltyBoxEndToEndTests {

	@Test
	void repeatedRejectionsBanTheClientUntilTheBanIsLifted() throws Exception {
		try (RunningWebApp app = start()) {
			String client = "198.51.100.9";
			assertThat(get(app, client).statusCode()).isEqualTo(200);
			assertThat(get(app, client).statusCode()).isEqualTo(429);
			assertThat(get(app, client).statusCode()).as("second rejection bans").isEqualTo(429);
			HttpResponse<String> banned = get(app, client);
			assertThat(banned.statusCode()).isEqualTo(403);
			assertThat(banned.body()).contains("https://hardening.github.io/problems/rate-limit-banned");
			assertThat(Long.parseLong(banned.headers().firstValue("Retry-After").orElseThrow())).isBetween(590L, 600L);
			assertThat(get(app, "198.51.100.10").statusCode()).as("other clients").isEqualTo(200);

			RateLimitBansEndpoint endpoint = new RateLimitBansEndpoint(app.context().getBean(PenaltyBox.class));
			assertThat(endpoint.bans()).containsOnlyKeys(client);
			Map<String, Object> counters = app.context().getBean(RateLimitReportContributor.class).report().counters();
			assertThat(counters.get("active-bans")).asString().contains(client);
			assertThat(endpoint.lift(client)).containsEntry("lifted", true);
			assertThat(endpoint.bans()).isEmpty();
			assertThat(get(app, client).statusCode()).as("ban lifted; the bucket itself is still empty").isEqualTo(429);
		}
	}

	@Test
	void aBanMadeOnOneInstanceHoldsOnAnotherThroughRedis() {
		String redis = RedisTestSupport.redisUrl();
		String prefix = "hardening:test:" + java.util.UUID.randomUUID() + ":";
		String[] redisStore = { "hardening.rate-limit.store=redis", "hardening.rate-limit.redis.url=" + redis,
				"hardening.rate-limit.redis.key-prefix=" + prefix, "hardening.rate-limit.redis.command-timeout=2s" };
		try (RunningWebApp a = start(redisStore); RunningWebApp b = start(redisStore)) {
			String client = "198.51.100.20";
			assertThat(get(a, client).statusCode()).isEqualTo(200);
			assertThat(get(a, client).statusCode()).isEqualTo(429);
			assertThat(get(a, client).statusCode()).isEqualTo(429);
			HttpResponse<String> onB = get(b, client);
			assertThat(onB.statusCode()).isEqualTo(403);
			assertThat(onB.headers().firstValue("Retry-After")).isPresent();
			PenaltyBox bans = b.context().getBean(PenaltyBox.class);
			assertThat(bans.activeBans(10)).containsOnlyKeys(client);
			assertThat(bans.lift(client)).isTrue();
			assertThat(get(a, client).statusCode()).as("lifted everywhere").isEqualTo(429);
		}
	}

	private static HttpResponse<String> get(RunningWebApp app, String client) {
		return RunningWebApp.send(app.request("/api/hot").header("X-Forwarded-For", client).GET().build());
	}

	private static RunningWebApp start(String... extra) {
		List<String> properties = new java.util.ArrayList<>(List.of("hardening.rate-limit.ban.enabled=true",
				"hardening.rate-limit.ban.threshold=2", "hardening.rate-limit.ban.duration=10m",
				"hardening.rate-limit.policies[0].name=hot", "hardening.rate-limit.policies[0].match.paths=/api/hot",
				"hardening.rate-limit.policies[0].limits[0].capacity=1",
				"hardening.rate-limit.policies[0].limits[0].period=1h"));
		properties.addAll(List.of(extra));
		return RunningWebApp.start(List.of(RateLimitAutoConfiguration.class, RedisRateLimitEndToEndTests.HotController.class),
				properties.toArray(String[]::new));
	}

}
