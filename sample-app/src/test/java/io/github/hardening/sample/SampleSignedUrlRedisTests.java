package io.github.hardening.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.hardening.test.Multipart;
import io.github.hardening.test.RedisTestSupport;
import io.github.hardening.test.TcpEndpoints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time links of the sample's {@code redis} profile over real HTTP: with Redis they work once; with Redis
 * gone they get 503 with Retry-After (failure-mode closed) while ordinary links keep working, and the operator
 * sees it in {@code /actuator/hardening} and {@code /actuator/prometheus}.
 */
class SampleSignedUrlRedisTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path root;

	@Test
	void oneTimeLinkWorksOnceWithRedis() throws Exception {
		String redisUrl = RedisTestSupport.redisUrl();
		try (ConfigurableApplicationContext app = start(redisUrl, redisUrl)) {
			Http http = new Http(port(app));
			String once = oneTimeLink(http, upload(http));
			assertThat(http.get(once).statusCode()).isEqualTo(200);
			assertThat(http.get(once).statusCode()).isEqualTo(403);
			JsonNode state = report(http).path("settings").path("store-state");
			assertThat(state.path("type").asText()).isEqualTo("redis");
			assertThat(state.path("connected").asBoolean()).isTrue();
		}
	}

	@Test
	void oneTimeLinkGets503WhileRedisIsGoneAndTheOperatorSeesIt() throws Exception {
		String redisUrl = RedisTestSupport.redisUrl();
		String gone = "redis://127.0.0.1:" + TcpEndpoints.freePort();
		try (ConfigurableApplicationContext app = start(redisUrl, gone)) {
			Http http = new Http(port(app));
			JsonNode uploaded = upload(http);
			HttpResponse<String> refused = http.get(oneTimeLink(http, uploaded));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(JSON.readTree(refused.body()).path("type").asText())
				.isEqualTo("https://hardening.github.io/problems/signed-url-store-unavailable");
			assertThat(http.get(uploaded.path("url").asText()).statusCode()).as("ordinary links need no Redis")
				.isEqualTo(200);

			JsonNode report = report(http);
			assertThat(report.path("settings").path("failure-mode").asText()).isEqualTo("closed");
			assertThat(report.path("settings").path("store-state").path("failing").asBoolean()).isTrue();
			assertThat(report.path("counters").path("store-error").asLong()).isEqualTo(1);
			assertThat(report.path("counters").path("store-failures-error").asLong()).isEqualTo(1);
			assertThat(http.get("/actuator/prometheus").body())
				.containsPattern("(?m)^hardening_signed_url_store_failures_total\\{[^}]*cause=\"error\"[^}]*} 1\\.0$")
				.containsPattern("(?m)^hardening_signed_url_verifications_total\\{[^}]*outcome=\"store-error\"[^}]*} 1\\.0$");
		}
	}

	private static JsonNode upload(Http http) throws Exception {
		HttpResponse<String> upload = http.send(http.request("/api/files")
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("file", "photo.png", "image/png", Multipart.PNG))
			.build());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
		return JSON.readTree(upload.body());
	}

	private static String oneTimeLink(Http http, JsonNode uploaded) throws Exception {
		HttpResponse<String> created = http.send(http.request("/api/files/" + uploaded.path("id").asText() + "/links")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"singleUse\": true}"))
			.build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("url").asText();
	}

	private static JsonNode report(Http http) throws Exception {
		return JSON.readTree(http.get("/actuator/hardening").body()).path("features").path("signed-url");
	}

	private ConfigurableApplicationContext start(String rateLimitRedis, String signedUrlRedis) {
		// Command-line arguments win over the profile's settings, as they would in production. A generous
		// timeout where Redis is there: this test is about behaviour, not latency on a loaded machine.
		return new SpringApplicationBuilder(SampleApplication.class).profiles("redis")
			.run("--server.port=0", "--hardening.storage.root=" + this.root,
					"--hardening.rate-limit.redis.url=" + rateLimitRedis,
					"--hardening.rate-limit.redis.key-prefix=hardening:sample-test:su-ops:" + UUID.randomUUID() + ":",
					"--hardening.signed-url.redis.url=" + signedUrlRedis,
					"--hardening.signed-url.redis.key-prefix=hardening:sample-test:su-ops:" + UUID.randomUUID() + ":",
					"--hardening.signed-url.redis.command-timeout=2s");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
	}

}
