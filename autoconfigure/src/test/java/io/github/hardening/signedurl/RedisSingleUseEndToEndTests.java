package io.github.hardening.signedurl;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.hardening.test.RedisTestSupport;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-use links on two instances sharing a real Redis: of many concurrent uses, exactly one wins.
 */
class RedisSingleUseEndToEndTests {

	private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static String redisUrl;

	@BeforeAll
	static void findRedis() {
		redisUrl = RedisTestSupport.redisUrl();
	}

	@Test
	void exactlyOneOfManyConcurrentUsesAcrossTwoInstancesSucceeds() throws Exception {
		String prefix = "hardening:test:su:" + UUID.randomUUID() + ":";
		try (RunningWebApp a = start(prefix); RunningWebApp b = start(prefix)) {
			ExecutorService executor = Executors.newFixedThreadPool(32);
			try {
				for (int round = 0; round < 5; round++) {
					String link = a.context().getBean(UrlSigner.class).sign(UrlSignSpec.get("/files/x").singleUse())
						.toString();
					CountDownLatch go = new CountDownLatch(1);
					List<Future<Integer>> statuses = new ArrayList<>();
					for (int i = 0; i < 32; i++) {
						RunningWebApp target = (i % 2 == 0) ? a : b;
						statuses.add(executor.submit(() -> {
							go.await();
							HttpResponse<String> response = target.get(link);
							return response.statusCode();
						}));
					}
					go.countDown();
					int ok = 0;
					int refused = 0;
					for (Future<Integer> status : statuses) {
						int code = status.get();
						ok += (code == 200) ? 1 : 0;
						refused += (code == 403) ? 1 : 0;
					}
					assertThat(ok).as("round " + round).isEqualTo(1);
					assertThat(refused).isEqualTo(31);
				}
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	@Test
	void storeDownAnswersSingleUseLinksWith503ButNotOthers() {
		try (RunningWebApp app = RunningWebApp.start(List.of(SignedUrlAutoConfiguration.class, SignedUrlEndToEndTests.Files.class),
				"hardening.signed-url.keys[0].id=k1", "hardening.signed-url.keys[0].secret=" + SECRET,
				"hardening.signed-url.protected-paths=/files/**", "hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=redis://127.0.0.1:1", "hardening.signed-url.redis.command-timeout=200ms")) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			assertThat(app.get(signer.sign(UrlSignSpec.get("/files/x").singleUse()).toString()).statusCode()).isEqualTo(503);
			assertThat(app.get(signer.sign(UrlSignSpec.get("/files/x")).toString()).statusCode()).isEqualTo(200);
		}
	}

	private static RunningWebApp start(String prefix) {
		return RunningWebApp.start(List.of(SignedUrlAutoConfiguration.class, SignedUrlEndToEndTests.Files.class),
				"hardening.signed-url.keys[0].id=k1", "hardening.signed-url.keys[0].secret=" + SECRET,
				"hardening.signed-url.protected-paths=/files/**", "hardening.signed-url.store=redis",
				"hardening.signed-url.redis.url=" + redisUrl, "hardening.signed-url.redis.key-prefix=" + prefix,
				// Atomicity under test, not latency: a loaded build machine must not turn uses into 503s.
				"hardening.signed-url.redis.command-timeout=3s");
	}

}
