package io.github.hardening.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import io.github.hardening.sanitize.HtmlPolicies;
import io.github.hardening.sanitize.TextNormalizer;

/**
 * Hot paths of input sanitization: text normalisation of clean ASCII (64 B, 4 KB), of clean non-ASCII text,
 * and of text that needs changes; and the {@code basic} HTML policy through {@link HtmlPolicies} against the
 * same OWASP policy called directly, on a 10 KB document, in the same run.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TextNormalizerBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class TextNormalizerBenchmark {

	/** The HTML field of the sample's comment POST in benchmarks/load/overhead.sh. */
	static final String COMMENT_BODY = "<p>Hello <b>there</b></p>";

	/** A plain-text comment of about the same length as the HTML one. */
	private static final String PLAIN_TEXT = "Hello there, see you at 10.";

	private final TextNormalizer normalizer = new TextNormalizer(TextNormalizer.Form.NFC);

	private String ascii64;

	private String ascii4k;

	private String unicode64;

	private String dirty64;

	private String html10k;

	private HtmlPolicies policies;

	private PolicyFactory rawBasic;

	@Setup
	public void setUp() {
		this.ascii64 = "The quick brown fox jumps over the lazy dog; Select a course 42.".substring(0, 64);
		this.ascii4k = (this.ascii64 + "\n").repeat(64).substring(0, 4096);
		this.unicode64 = "Crème brûlée à la façon de Zoë, 日本語のテキスト, naïve café 😀 ok";
		this.dirty64 = "Cre\u0300me bru\u0302le\u0301e\u0000 \u202Eevil\u202C text with\u0007 controls ok";
		this.html10k = ("<p>Hello <b>world</b>, see <a href=\"https://example.com/page?q=1\">this link</a> and "
				+ "<i>that</i>.<script>alert(1)</script><img src=x onerror=alert(1)></p>\n<ul><li>one</li><li>two "
				+ "&amp; three</li></ul><div style=\"color:red\" onclick=\"x()\">styled</div>\n")
			.repeat(50)
			.substring(0, 10240);
		this.policies = new HtmlPolicies(Map.of());
		// The same composition as the built-in basic policy, made with OWASP's API alone.
		this.rawBasic = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
			.and(new HtmlPolicyBuilder().allowElements("a")
				.allowAttributes("href")
				.onElements("a")
				.allowUrlProtocols("https", "http", "mailto")
				.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
				.toFactory());
		if (!this.policies.sanitize("basic", this.html10k).equals(this.rawBasic.sanitize(this.html10k))) {
			throw new IllegalStateException("The wrapper and the raw policy must produce the same output");
		}
		if (this.normalizer.normalize(this.ascii4k) != this.ascii4k
				|| this.normalizer.normalize(this.unicode64) != this.unicode64
				|| this.normalizer.normalize(this.dirty64) == this.dirty64) {
			throw new IllegalStateException("Inputs are not what the benchmark names say");
		}
	}

	@Benchmark
	public String normalizeCleanAscii64() {
		return this.normalizer.normalize(this.ascii64);
	}

	@Benchmark
	public String normalizeCleanAscii4k() {
		return this.normalizer.normalize(this.ascii4k);
	}

	@Benchmark
	public String normalizeCleanUnicode64() {
		return this.normalizer.normalize(this.unicode64);
	}

	@Benchmark
	public String normalizeNeedsChanges64() {
		return this.normalizer.normalize(this.dirty64);
	}

	@Benchmark
	public String htmlBasicPolicy10k() {
		return this.policies.sanitize("basic", this.html10k);
	}

	@Benchmark
	public String htmlRawOwaspPolicy10k() {
		return this.rawBasic.sanitize(this.html10k);
	}

	/** A field marked for HTML that holds plain text only: the policy returns it without calling OWASP. */
	@Benchmark
	public String htmlBasicPolicyPlainText() {
		return this.policies.sanitize("basic", PLAIN_TEXT);
	}

	/** The body of the sample's comment POST in the load script: what OWASP costs a small field. */
	@Benchmark
	public String htmlBasicPolicyComment() {
		return this.policies.sanitize("basic", COMMENT_BODY);
	}

}
