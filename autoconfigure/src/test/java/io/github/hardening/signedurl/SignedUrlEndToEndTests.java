package io.github.hardening.signedurl;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protected paths and annotated handlers over real HTTP: signed links pass, everything else gets one
 * uniform 403 problem, single-use links work once, and each outcome is counted.
 */
class SignedUrlEndToEndTests {

	private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@Test
	void protectedPathNeedsAValidSignature() {
		try (RunningWebApp app = start()) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			URI link = signer.sign(UrlSignSpec.get("/files/a").query("x=1"));
			HttpResponse<String> ok = app.get(link.toString());
			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(ok.body()).isEqualTo("file a");
			assertThat(app.get("/api/open").statusCode()).isEqualTo(200);

			HttpResponse<String> unsigned = app.get("/files/a");
			HttpResponse<String> forged = app.get(link.toString().replace("x=1", "x=2"));
			for (HttpResponse<String> refused : List.of(unsigned, forged)) {
				assertThat(refused.statusCode()).isEqualTo(403);
				assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(refused.body()).contains("\"type\":\"https://hardening.github.io/problems/signed-url-invalid\"")
					.contains("\"detail\":\"This link is not valid or has expired. Ask for a new link.\"");
			}
			assertThat(strip(unsigned.body())).as("no oracle").isEqualTo(strip(forged.body()));
			HardeningMetrics metrics = app.context().getBean(HardeningMetrics.class);
			assertThat(metrics.counter(SignedUrlCounters.VERIFICATIONS, "", "outcome", "valid").count()).isEqualTo(1);
			assertThat(metrics.counter(SignedUrlCounters.VERIFICATIONS, "", "outcome", "malformed").count()).isEqualTo(1);
			assertThat(metrics.counter(SignedUrlCounters.VERIFICATIONS, "", "outcome", "bad-signature").count()).isEqualTo(1);
		}
	}

	@Test
	void annotatedHandlerNeedsAValidSignature() {
		try (RunningWebApp app = start()) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			assertThat(app.get("/api/download").statusCode()).isEqualTo(403);
			assertThat(app.get(signer.sign(UrlSignSpec.get("/api/download")).toString()).statusCode()).isEqualTo(200);
			assertThat(app.get(signer.sign(UrlSignSpec.get("/api/other")).toString().replace("/api/other", "/api/download"))
				.statusCode()).isEqualTo(403);
		}
	}

	@Test
	void singleUseLinkWorksOnce() {
		try (RunningWebApp app = start()) {
			UrlSigner signer = app.context().getBean(UrlSigner.class);
			String once = signer.sign(UrlSignSpec.get("/files/a").singleUse()).toString();
			assertThat(app.get(once).statusCode()).isEqualTo(200);
			assertThat(app.get(once).statusCode()).isEqualTo(403);
			String onSingleUsePath = signer.sign(UrlSignSpec.get("/files/once/b")).toString();
			assertThat(app.get(onSingleUsePath).statusCode()).isEqualTo(200);
			assertThat(app.get(onSingleUsePath).statusCode()).isEqualTo(403);
			String reusable = signer.sign(UrlSignSpec.get("/files/a")).toString();
			assertThat(app.get(reusable).statusCode()).isEqualTo(200);
			assertThat(app.get(reusable).statusCode()).isEqualTo(200);
			assertThat(app.context().getBean(HardeningMetrics.class)
				.counter(SignedUrlCounters.VERIFICATIONS, "", "outcome", "already-used").count()).isEqualTo(2);
		}
	}

	private static String strip(String body) {
		return body.replaceAll("\"(instance|requestId)\":\"[^\"]*\",?", "");
	}

	private static RunningWebApp start(String... extra) {
		String[] properties = new String[extra.length + 4];
		properties[0] = "hardening.signed-url.keys[0].id=k1";
		properties[1] = "hardening.signed-url.keys[0].secret=" + SECRET;
		properties[2] = "hardening.signed-url.protected-paths=/files/**";
		properties[3] = "hardening.signed-url.single-use-paths=/files/once/**";
		System.arraycopy(extra, 0, properties, 4, extra.length);
		return RunningWebApp.start(List.of(SignedUrlAutoConfiguration.class, Files.class), properties);
	}

	@RestController
	static class Files {

		@GetMapping({ "/files/{name}", "/files/once/{name}" })
		String file(@org.springframework.web.bind.annotation.PathVariable String name) {
			return "file " + name;
		}

		@GetMapping("/api/open")
		String open() {
			return "open";
		}

		@SignedUrlRequired
		@GetMapping("/api/download")
		String download() {
			return "download";
		}

		@GetMapping("/api/other")
		String other() {
			return "other";
		}

	}

}
