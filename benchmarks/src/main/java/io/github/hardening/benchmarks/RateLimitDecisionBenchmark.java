package io.github.hardening.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitDecision;
import io.github.hardening.ratelimit.RateLimitPolicy;
import io.github.hardening.ratelimit.RateLimitRules;
import io.github.hardening.ratelimit.RateLimitStore;

/**
 * One memory-store decision including key resolution, the figure issue 4 targets (<= 300 ns/op, single
 * thread): a policy's key resolver reads the key of a prepared request and the memory store takes a token from
 * the policy's bucket for that key, exactly the calls {@code RateLimitEnforcer} makes per policy. The
 * policies, resolvers and store are the auto-configured beans; the limits are never reached. The request
 * carries its client address as the core filter leaves it (resolved once, cached on the request), so key
 * resolution here is what the rate limiter itself adds.
 * <p>
 * {@code bucket4jTwoBandwidths} and {@code bucket4jOneBandwidth} are bare Bucket4j local buckets with the same
 * bandwidths, {@code tryConsumeAndReturnRemaining(1)} each: what the library alone costs, in the same run.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RateLimitDecisionBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RateLimitDecisionBenchmark {

	private static final long NEVER_REACHED = 1_000_000_000L;

	private static final Map<String, Object> PROPERTIES = Map.ofEntries(
			// Burst and sustained together, keyed by client address: the headline case.
			Map.entry("hardening.rate-limit.policies[0].name", "per-ip"),
			Map.entry("hardening.rate-limit.policies[0].match.paths", "/api/ip"),
			Map.entry("hardening.rate-limit.policies[0].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[0].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[0].limits[1].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[0].limits[1].period", "1m"),
			// The sample's sample-generous policy: one bandwidth, by client address.
			Map.entry("hardening.rate-limit.policies[1].name", "sample-generous"),
			Map.entry("hardening.rate-limit.policies[1].match.paths", "/api/generous"),
			Map.entry("hardening.rate-limit.policies[1].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[1].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[2].name", "per-api-key"),
			Map.entry("hardening.rate-limit.policies[2].key", "header:X-Api-Key"),
			Map.entry("hardening.rate-limit.policies[2].match.paths", "/api/key"),
			Map.entry("hardening.rate-limit.policies[2].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[2].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[2].limits[1].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[2].limits[1].period", "1m"),
			Map.entry("hardening.rate-limit.policies[3].name", "everyone"),
			Map.entry("hardening.rate-limit.policies[3].key", "global"),
			Map.entry("hardening.rate-limit.policies[3].match.paths", "/api/global"),
			Map.entry("hardening.rate-limit.policies[3].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[3].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[3].limits[1].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[3].limits[1].period", "1m"));

	private StarterContext context;

	private RateLimitStore store;

	private RateLimitPolicy perIp;

	private RateLimitPolicy generous;

	private RateLimitPolicy perApiKey;

	private RateLimitPolicy everyone;

	private MockHttpServletRequest request;

	private Bucket bareTwoBandwidths;

	private Bucket bareOneBandwidth;

	@Setup
	public void start() {
		this.context = StarterContext.start(Features.class, PROPERTIES);
		RateLimitRules rules = this.context.bean(RateLimitRules.class);
		this.store = this.context.bean(RateLimitStore.class);
		this.perIp = rules.policy("per-ip");
		this.generous = rules.policy("sample-generous");
		this.perApiKey = rules.policy("per-api-key");
		this.everyone = rules.policy("everyone");
		this.request = MockExchanges.request("GET", "/api/ip", MockExchanges.CLIENT, "X-Api-Key",
				"k-4f1c9a2e7b3d4c5e");
		// What the core client-address filter leaves on every request before the rate-limit filter runs.
		this.context.bean(ClientAddressResolver.class).resolve(this.request);
		this.bareTwoBandwidths = Bucket.builder().addLimit(bandwidth(Duration.ofSeconds(1)))
			.addLimit(bandwidth(Duration.ofMinutes(1))).build();
		this.bareOneBandwidth = Bucket.builder().addLimit(bandwidth(Duration.ofSeconds(1))).build();
		check();
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public ConsumptionProbe bucket4jTwoBandwidths() {
		return this.bareTwoBandwidths.tryConsumeAndReturnRemaining(1);
	}

	@Benchmark
	public ConsumptionProbe bucket4jOneBandwidth() {
		return this.bareOneBandwidth.tryConsumeAndReturnRemaining(1);
	}

	@Benchmark
	public RateLimitDecision ipKeyTwoBandwidths() {
		return decide(this.perIp);
	}

	@Benchmark
	public RateLimitDecision ipKeyOneBandwidth() {
		return decide(this.generous);
	}

	@Benchmark
	public RateLimitDecision headerKeyTwoBandwidths() {
		return decide(this.perApiKey);
	}

	@Benchmark
	public RateLimitDecision globalKeyTwoBandwidths() {
		return decide(this.everyone);
	}

	/** What the enforcer does per policy on a request that is not banned. */
	private RateLimitDecision decide(RateLimitPolicy policy) {
		String key = policy.keyResolver().resolve(this.request);
		return this.store.tryConsume(policy, key);
	}

	private static Bandwidth bandwidth(Duration period) {
		return Bandwidth.builder().capacity(NEVER_REACHED).refillGreedy(NEVER_REACHED, period).build();
	}

	/**
	 * Fails the run when a variant does not do what it claims.
	 */
	private void check() {
		FilterPipeline.expect(this.perIp.quotas().size() == 2 && this.generous.quotas().size() == 1,
				"per-ip has burst and sustained bandwidths, sample-generous one");
		FilterPipeline.expect(MockExchanges.CLIENT.equals(this.perIp.keyResolver().resolve(this.request)),
				"the ip key is the client address");
		String apiKey = this.perApiKey.keyResolver().resolve(this.request);
		FilterPipeline.expect(apiKey != null && !apiKey.contains("k-4f1c9a2e7b3d4c5e"),
				"the header key is the hashed header");
		for (RateLimitPolicy policy : new RateLimitPolicy[] { this.perIp, this.generous, this.perApiKey,
				this.everyone }) {
			RateLimitDecision decision = decide(policy);
			FilterPipeline.expect(decision.allowed() && decision.remaining() < decision.quota().capacity(),
					"policy " + policy.name() + " admits and takes a token");
		}
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, RateLimitAutoConfiguration.class })
	static class Features {

	}

}
