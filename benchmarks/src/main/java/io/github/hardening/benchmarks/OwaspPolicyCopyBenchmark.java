package io.github.hardening.benchmarks;

import java.lang.reflect.Field;
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
import org.owasp.html.PolicyFactory;

import io.github.hardening.sanitize.HtmlPolicies;

/**
 * What OWASP's per-call copy of a policy's element table costs on the sample's comment body. Every
 * {@code PolicyFactory.sanitize} builds a fresh policy object that copies the factory's element table with
 * {@code Map.copyOf} and its text containers into a new set; the factories OWASP's builder returns hold a
 * {@code Collections.unmodifiableMap}, so the copy is real on every call. The second benchmark gives a copy
 * of the {@code basic} factory an immutable JDK map by reflection (which {@code Map.copyOf} returns as is),
 * to size what an upstream change would save. Measurement only: the starter does not touch OWASP's fields.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar OwaspPolicyCopyBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class OwaspPolicyCopyBenchmark {

	private static final String COMMENT_BODY = TextNormalizerBenchmark.COMMENT_BODY;

	private PolicyFactory asBuilt;

	private PolicyFactory immutableTable;

	@Setup
	public void setUp() throws ReflectiveOperationException {
		this.asBuilt = HtmlPolicies.builtIns().get("basic");
		this.immutableTable = HtmlPolicies.builtIns().get("basic");
		Field policies = PolicyFactory.class.getDeclaredField("policies");
		policies.setAccessible(true);
		policies.set(this.immutableTable, Map.copyOf((Map<?, ?>) policies.get(this.immutableTable)));
		if (!this.asBuilt.sanitize(COMMENT_BODY).equals(this.immutableTable.sanitize(COMMENT_BODY))) {
			throw new IllegalStateException("Both factories must produce the same output");
		}
	}

	@Benchmark
	public String basicAsBuilt() {
		return this.asBuilt.sanitize(COMMENT_BODY);
	}

	@Benchmark
	public String basicWithImmutableElementTable() {
		return this.immutableTable.sanitize(COMMENT_BODY);
	}

}
