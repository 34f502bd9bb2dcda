package io.github.hardening.ratelimit;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.hardening.test.RedisTestSupport;
import io.github.hardening.test.RunningWebApp;
import io.github.hardening.test.TcpEndpoints;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store over real HTTP against a real Redis: shared limits across two instances under contention,
 * expiring cluster-friendly keys, bounded waits when Redis hangs or is gone, fail open and closed, and recovery
 * without restart.
 */
class RedisRateLimitEndToEndTests {

	/**
	 * Command timeout of the failure tests, and what a request may take beyond it over HTTP on a shared 2-core
	 * machine (load averages above 10 were seen while other builds ran); without the bound a request to a hanging
	 * Redis would wait forever.
	 */
	private static final long TIMEOUT_MS = 100;

	private static final long MARGIN_MS = 1000;

	private static String redisUrl;

	@BeforeAll
	static void findRedis() {
		redisUrl = RedisTestSupport.redisUrl();
	}

	@ParameterizedTest
	@ValueSource(strings = { "script", "cas" })
	void twoInstancesSharingRedisAdmitExactlyTheLimitUnder64ConcurrentClients(String strategy) throws Exception {
		String prefix = prefix();
		// Fail closed with a generous timeout: a slow answer on a loaded machine must show as 503, never as an
		// admission, so that the count below measures the bucket arithmetic under contention alone.
		try (RunningWebApp a = start(redisUrl, prefix, "closed", "2s", "hardening.rate-limit.redis.strategy=" + strategy);
				RunningWebApp b = start(redisUrl, prefix, "closed", "2s", "hardening.rate-limit.redis.strategy=" + strategy)) {
			ExecutorService clients = Executors.newFixedThreadPool(64);
			try {
				List<Callable<List<Integer>>> tasks = new ArrayList<>();
				for (int c = 0; c < 64; c++) {
					RunningWebApp target = (c % 2 == 0) ? a : b;
					tasks.add(() -> {
						List<Integer> statuses = new ArrayList<>();
						for (int i = 0; i < 4; i++) {
							statuses.add(target.get("/api/hot").statusCode());
						}
						return statuses;
					});
				}
				long start = System.nanoTime();
				List<Integer> statuses = new ArrayList<>();
				for (Future<List<Integer>> result : clients.invokeAll(tasks)) {
					statuses.addAll(result.get());
				}
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				long admitted = statuses.stream().filter((s) -> s == 200).count();
				long rejected = statuses.stream().filter((s) -> s == 429).count();
				System.out.printf(strategy + ": hot key, 2 instances, 64 clients: %d requests in %d ms, %d admitted, %d rejected, "
						+ "%d other%n", statuses.size(), millis, admitted, rejected, statuses.size() - admitted - rejected);
				assertThat(admitted).as("admitted exactly the capacity").isEqualTo(50);
				assertThat(rejected).as("every other request rejected, none failed").isEqualTo(256 - 50);
			}
			finally {
				clients.shutdownNow();
			}
		}
	}

	@Test
	void keysCarryThePrefixAndAHashTagAndExpire() {
		String prefix = prefix();
		try (RunningWebApp app = start(redisUrl, prefix, "open")) {
			assertThat(app.get("/api/hot").statusCode()).isEqualTo(200);
			RedisClient client = RedisClient.create(redisUrl);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				RedisCommands<String, String> redis = connection.sync();
				List<String> keys = redis.keys(prefix + "*");
				assertThat(keys).containsExactly(prefix + "{hot:global}");
				assertThat(redis.pttl(keys.get(0))).isPositive().isLessThanOrEqualTo(3_610_000L);
			}
			finally {
				client.shutdown();
			}
		}
	}

	@Test
	void hangingRedisCostsAtMostTheTimeoutAndFailsOpen() throws Exception {
		try (TcpEndpoints blackhole = TcpEndpoints.blackhole();
				RunningWebApp app = start("redis://127.0.0.1:" + blackhole.port(), prefix(), "open")) {
			for (int i = 0; i < 8; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = app.get("/api/hot");
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(millis).as("request " + i).isLessThan(TIMEOUT_MS + MARGIN_MS);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue(RateLimitEnforcer.DEGRADED_HEADER)).hasValue("store-unavailable");
			}
			Map<String, Object> store = storeReport(app);
			assertThat(store).containsEntry("breaker", "open");
		}
	}

	@Test
	void hangingRedisFailsClosedWith503AndRetryAfter() throws Exception {
		try (TcpEndpoints blackhole = TcpEndpoints.blackhole();
				RunningWebApp app = start("redis://127.0.0.1:" + blackhole.port(), prefix(), "closed")) {
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = app.get("/api/hot");
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(TIMEOUT_MS + MARGIN_MS);
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(response.body()).contains("https://hardening.github.io/problems/rate-limit-unavailable");
			}
			assertThat(app.get("/unlimited").statusCode()).as("paths without a policy are unaffected").isEqualTo(200);
		}
	}

	@Test
	void closedPortFailsFastInBothModes() throws Exception {
		String url = "redis://127.0.0.1:" + TcpEndpoints.freePort();
		try (RunningWebApp open = start(url, prefix(), "open"); RunningWebApp closed = start(url, prefix(), "closed")) {
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				assertThat(open.get("/api/hot").statusCode()).isEqualTo(200);
				assertThat(closed.get("/api/hot").statusCode()).isEqualTo(503);
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2 * (TIMEOUT_MS + MARGIN_MS));
			}
		}
	}

	@Test
	void limitingResumesWithoutRestartWhenRedisComesBack() throws Exception {
		int redisPort = URI.create(redisUrl).getPort();
		try (TcpEndpoints forwarder = TcpEndpoints.forwarderTo(redisPort);
				RunningWebApp app = start("redis://127.0.0.1:" + forwarder.port(), prefix(), "closed")) {
			assertThat(app.get("/api/hot").statusCode()).as("Redis not there yet").isEqualTo(503);
			forwarder.open();
			HttpResponse<String> recovered = awaitStatus(app, 200);
			assertThat(recovered.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"hot\";r=");
			forwarder.cut();
			long start = System.nanoTime();
			assertThat(app.get("/api/hot").statusCode()).as("Redis gone mid-run").isEqualTo(503);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(TIMEOUT_MS + MARGIN_MS);
			forwarder.open();
			HttpResponse<String> again = awaitStatus(app, 200);
			long remaining = Long.parseLong(again.headers().firstValue("RateLimit").orElseThrow().replaceAll(".*r=(\\d+).*", "$1"));
			assertThat(remaining).as("the same bucket, kept in Redis").isLessThan(49);
		}
	}

	private static HttpResponse<String> awaitStatus(RunningWebApp app, int status) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		HttpResponse<String> response = app.get("/api/hot");
		while (response.statusCode() != status && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = app.get("/api/hot");
		}
		assertThat(response.statusCode()).isEqualTo(status);
		return response;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> storeReport(RunningWebApp app) {
		return (Map<String, Object>) app.context().getBean(RateLimitReportContributor.class).report().settings()
			.get("store");
	}

	private static String prefix() {
		return "hardening:test:" + UUID.randomUUID() + ":";
	}

	private static RunningWebApp start(String url, String prefix, String failureMode) {
		return start(url, prefix, failureMode, TIMEOUT_MS + "ms");
	}

	private static RunningWebApp start(String url, String prefix, String failureMode, String timeout,
			String... extra) {
		List<String> properties = new ArrayList<>(List.of(extra));
		properties.addAll(List.of(
				"hardening.rate-limit.store=redis", "hardening.rate-limit.redis.url=" + url,
				"hardening.rate-limit.redis.key-prefix=" + prefix, "hardening.rate-limit.redis.command-timeout=" + timeout,
				"hardening.rate-limit.redis.open-interval=300ms", "hardening.rate-limit.failure-mode=" + failureMode,
				"hardening.rate-limit.policies[0].name=hot", "hardening.rate-limit.policies[0].match.paths=/api/hot",
				"hardening.rate-limit.policies[0].key=global", "hardening.rate-limit.policies[0].limits[0].capacity=50",
				"hardening.rate-limit.policies[0].limits[0].period=1h"));
		return RunningWebApp.start(List.of(RateLimitAutoConfiguration.class, HotController.class),
				properties.toArray(String[]::new));
	}

	@RestController
	static class HotController {

		@GetMapping({ "/api/hot", "/unlimited" })
		Map<String, Object> hot() {
			return Map.of("ok", true);
		}

	}

}
