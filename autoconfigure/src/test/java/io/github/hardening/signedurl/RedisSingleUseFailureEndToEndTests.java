package io.github.hardening.signedurl;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;
import io.github.hardening.test.RedisTestSupport;
import io.github.hardening.test.RunningWebApp;
import io.github.hardening.test.TcpEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis single-use store when Redis hangs (a real socket that accepts and never answers), is not there (a
 * closed port) or comes back: every request is bounded by the command timeout, closed mode answers 503 only to
 * valid single-use links, open mode admits and counts, and single use is enforced again once Redis answers.
 */
class RedisSingleUseFailureEndToEndTests {

	private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static final long TIMEOUT_MS = 100;

	/** HTTP round trip and a loaded build machine; without the bound a hung Redis would hold a request 60 s. */
	private static final long MARGIN_MS = 600;

	private static String redisUrl;

	@BeforeAll
	static void findRedis() {
		redisUrl = RedisTestSupport.redisUrl();
	}

	@Test
	void hangingRedisCostsAtMostTheTimeoutAndClosedModeAnswers503OnlyToValidSingleUseLinks() throws Exception {
		try (TcpEndpoints blackhole = TcpEndpoints.blackhole();
				RunningWebApp app = start("redis://127.0.0.1:" + blackhole.port(), "closed")) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			for (int i = 0; i < 6; i++) {
				String once = signer.sign(UrlSignSpec.get("/files/x").singleUse()).toString();
				HttpResponse<String> response = timed(app, once);
				assertThat(response.statusCode()).as("request " + i).isEqualTo(503);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(response.body())
					.contains("\"type\":\"https://hardening.github.io/problems/signed-url-store-unavailable\"");
			}
			String forged = signer.sign(UrlSignSpec.get("/files/y").singleUse()).toString().replace("/files/y", "/files/x");
			HttpResponse<String> refused = timed(app, forged);
			assertThat(refused.statusCode()).as("a bad link never learns about the store").isEqualTo(403);
			assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
			assertThat(app.get(signer.sign(UrlSignSpec.get("/files/x")).toString()).statusCode())
				.as("links that are not single-use need no store").isEqualTo(200);

			assertThat(failures(app, "timeout")).as("timed out before the breaker opened").isEqualTo(3);
			assertThat(failures(app, "bypassed")).as("bypassed once open").isEqualTo(3);
			assertThat(verifications(app, "store-error")).isEqualTo(6);
			Map<String, Object> state = storeState(app);
			assertThat(state).containsEntry("type", "redis").containsEntry("breaker", "open")
				.containsEntry("failing", true).containsEntry("command-timeout", "PT0.1S");
			assertThat(report(app).counters()).containsEntry("store-failures-timeout", 3L)
				.containsEntry("store-error", 6L);
			assertThat(report(app).settings()).containsEntry("failure-mode", "closed");
		}
	}

	@Test
	void closedPortFailsFastAndOpenModeAdmitsAndCounts() throws Exception {
		try (RunningWebApp app = start("redis://127.0.0.1:" + TcpEndpoints.freePort(), "open")) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			String once = signer.sign(UrlSignSpec.get("/files/x").singleUse()).toString();
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> response = timed(app, once);
				assertThat(response.statusCode()).as("admitted, and so replayable: request " + i).isEqualTo(200);
				assertThat(response.body()).isEqualTo("file x");
			}
			assertThat(verifications(app, "unrecorded")).isEqualTo(5);
			assertThat(verifications(app, "valid")).as("the warm-up request only").isEqualTo(1);
			assertThat(failures(app, "error") + failures(app, "bypassed")).isEqualTo(5);
			assertThat(failures(app, "error")).isEqualTo(3);
			assertThat(report(app).settings()).containsEntry("failure-mode", "open");
		}
	}

	@Test
	void singleUseIsEnforcedAgainWithoutRestartWhenRedisComesBack() throws Exception {
		int redisPort = URI.create(redisUrl).getPort();
		try (TcpEndpoints forwarder = TcpEndpoints.forwarderTo(redisPort)) {
			forwarder.open();
			try (RunningWebApp app = start("redis://127.0.0.1:" + forwarder.port(), "closed",
					"hardening.signed-url.redis.open-interval=300ms",
					// Recovery under test, not latency: a loaded build machine must not turn the first uses into 503s.
					"hardening.signed-url.redis.command-timeout=1s")) {
				UrlSigner signer = app.context().getBean(UrlSigner.class);
				String first = signer.sign(UrlSignSpec.get("/files/x").singleUse()).toString();
				assertThat(app.get(first).statusCode()).isEqualTo(200);
				assertThat(app.get(first).statusCode()).isEqualTo(403);

				forwarder.cut();
				String second = signer.sign(UrlSignSpec.get("/files/x").singleUse()).toString();
				for (int i = 0; i < 4; i++) {
					assertThat(app.get(second).statusCode()).as("Redis gone, request " + i).isEqualTo(503);
				}
				assertThat(storeState(app)).containsEntry("failing", true);

				forwarder.open();
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
				List<Integer> statuses = new ArrayList<>();
				int status;
				do {
					Thread.sleep(100);
					status = app.get(second).statusCode();
					statuses.add(status);
				}
				while (status == 503 && System.nanoTime() < deadline);
				assertThat(status).as("a link refused with 503 was not used up: " + statuses).isEqualTo(200);
				assertThat(app.get(second).statusCode()).as("and now it is").isEqualTo(403);
				assertThat(storeState(app)).containsEntry("failing", false).containsEntry("breaker", "closed");
			}
		}
	}

	@Test
	void readinessCheckIsOptInAndFollowsRedis() throws Exception {
		try (TcpEndpoints blackhole = TcpEndpoints.blackhole();
				RunningWebApp off = start("redis://127.0.0.1:" + blackhole.port(), "closed");
				RunningWebApp down = start("redis://127.0.0.1:" + blackhole.port(), "closed",
						"hardening.signed-url.redis.readiness-check=true");
				RunningWebApp up = start(redisUrl, "closed", "hardening.signed-url.redis.readiness-check=true")) {
			assertThat(off.context().getBeansOfType(ReadinessCheck.class)).isEmpty();
			ReadinessCheck check = down.context().getBean(ReadinessCheck.class);
			assertThat(check.name()).isEqualTo("signed-url-redis");
			boolean ready;
			try {
				ready = check.check().ready();
			}
			catch (Exception ex) {
				ready = false;
			}
			assertThat(ready).as("a hung Redis is not ready").isFalse();
			ReadinessResult result = up.context().getBean(ReadinessCheck.class).check();
			assertThat(result.ready()).as(String.valueOf(result.details())).isTrue();
		}
	}

	@Test
	void aUseRefusedAfterATimeoutIsNotLeftRecorded() throws Exception {
		String prefix = "hardening:test:su-ops:" + UUID.randomUUID() + ":";
		RedisClient client = RedisClient.create(redisUrl);
		try (TcpEndpoints forwarder = TcpEndpoints.forwarderTo(URI.create(redisUrl).getPort());
				StatefulRedisConnection<String, String> admin = client.connect()) {
			forwarder.open();
			RedisNonceStore store = new RedisNonceStore("redis://127.0.0.1:" + forwarder.port(), prefix,
					Duration.ofMillis(TIMEOUT_MS));
			try {
				store.connectAtStartup(Duration.ofSeconds(2));
				assertThat(store.markUsed("warm", Duration.ofSeconds(5))).isTrue();
				// A slow link to Redis: the write arrives after the caller gave up on it.
				forwarder.delayUpstream(400);
				assertThatExceptionOfType(NonceStoreException.class)
					.isThrownBy(() -> store.markUsed("late", Duration.ofSeconds(5)))
					.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(NonceStoreException.Failure.TIMEOUT));
				Thread.sleep(1200);
				forwarder.delayUpstream(0);
				assertThat(admin.sync().exists(prefix + "warm")).as("writes do go through").isOne();
				assertThat(admin.sync().exists(prefix + "late")).as("the late write was undone").isZero();
				assertThat(store.markUsed("late", Duration.ofSeconds(5))).as("so a retry wins").isTrue();
				assertThat(store.markUsed("late", Duration.ofSeconds(5))).as("once").isFalse();
			}
			finally {
				store.destroy();
			}
		}
		finally {
			client.shutdown();
		}
	}

	private static HttpResponse<String> timed(RunningWebApp app, String link) {
		long start = System.nanoTime();
		HttpResponse<String> response = app.get(link);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(millis).as("request time").isLessThan(TIMEOUT_MS + MARGIN_MS);
		return response;
	}

	private static long failures(RunningWebApp app, String cause) {
		return (long) app.context().getBean(HardeningMetrics.class)
			.counter(NonceStoreFailures.FAILURES, "", "cause", cause).count();
	}

	private static long verifications(RunningWebApp app, String outcome) {
		return (long) app.context().getBean(HardeningMetrics.class)
			.counter(SignedUrlCounters.VERIFICATIONS, "", "outcome", outcome).count();
	}

	private static io.github.hardening.core.FeatureReport report(RunningWebApp app) {
		return app.context().getBean("signedUrlReportContributor", HardeningReportContributor.class).report();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> storeState(RunningWebApp app) {
		return (Map<String, Object>) report(app).settings().get("store-state");
	}

	private static RunningWebApp start(String url, String failureMode, String... extra) {
		List<String> properties = new ArrayList<>(List.of("hardening.signed-url.keys[0].id=k1",
				"hardening.signed-url.keys[0].secret=" + SECRET, "hardening.signed-url.protected-paths=/files/**",
				"hardening.signed-url.store=redis", "hardening.signed-url.redis.url=" + url,
				"hardening.signed-url.redis.key-prefix=hardening:test:su-ops:" + UUID.randomUUID() + ":",
				"hardening.signed-url.failure-mode=" + failureMode));
		properties.addAll(List.of(extra));
		RunningWebApp app = RunningWebApp.start(
				List.of(SignedUrlAutoConfiguration.class, SignedUrlEndToEndTests.Files.class),
				properties.toArray(String[]::new));
		// A fresh server's first request loads classes for hundreds of milliseconds on a busy machine. This one
		// is not single-use, so it touches no store, and the timed requests then measure the store's bound.
		assertThat(app.get(app.context().getBean(UrlSigner.class).sign(UrlSignSpec.get("/files/warm")).toString())
			.statusCode()).isEqualTo(200);
		return app;
	}

}
