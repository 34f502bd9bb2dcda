package io.github.hardening.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.hardening.signedurl.SignedUrlPolicy;
import io.github.hardening.signedurl.SigningKeys;
import io.github.hardening.signedurl.UrlCanonicalizer;
import io.github.hardening.signedurl.UrlSignSpec;
import io.github.hardening.signedurl.UrlSigner;
import io.github.hardening.signedurl.VerificationResult;

/**
 * {@link UrlSigner} sign and verify of a typical download link (path, two query parameters) against a raw
 * {@code Mac.doFinal} over the same canonical string with an already initialised {@code Mac}, in the same run.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar UrlSignerBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class UrlSignerBenchmark {

	private UrlSigner signer;

	private UrlSignSpec spec;

	private String path;

	private String query;

	private byte[] canonical;

	private Mac rawMac;

	@Setup
	public void setUp() throws Exception {
		byte[] secret = "benchmark-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		this.signer = new UrlSigner(new SigningKeys(Map.of("k1", secret), "k1"), SignedUrlPolicy.DEFAULTS,
				Clock.systemUTC());
		this.spec = UrlSignSpec.get("/files/Qm9vbGVhbkZpbGVJZDAx").query("download=1&name=report%202026.pdf")
			.ttl(Duration.ofHours(1));
		URI link = this.signer.sign(this.spec);
		this.path = link.getRawPath();
		this.query = link.getRawQuery();
		String exp = this.query.replaceAll(".*exp=([0-9]+).*", "$1");
		List<String[]> params = new ArrayList<>();
		params.add(new String[] { "download", "1" });
		params.add(new String[] { "name", UrlCanonicalizer.encode("report 2026.pdf") });
		this.canonical = UrlSigner.canonical("GET", UrlCanonicalizer.path(this.path), params, exp, "k1", null)
			.getBytes(StandardCharsets.UTF_8);
		this.rawMac = Mac.getInstance("HmacSHA256");
		this.rawMac.init(new SecretKeySpec(secret, "HmacSHA256"));
		String raw = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(this.rawMac.doFinal(this.canonical));
		if (!verify().isValid() || !this.query.endsWith("sig=" + raw)) {
			throw new IllegalStateException("The link must verify and the raw HMAC must cover the same string");
		}
	}

	@Benchmark
	public byte[] rawHmac() {
		return this.rawMac.doFinal(this.canonical);
	}

	@Benchmark
	public URI sign() {
		return this.signer.sign(this.spec);
	}

	@Benchmark
	public VerificationResult verify() {
		return this.signer.verify("GET", this.path, this.query, "203.0.113.7", null);
	}

}
