package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.TrustedProxies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory store: exact admissions, the most restrictive bandwidth, Retry-After, and the bound on keys.
 */
class MemoryRateLimitStoreTests {

	private static final ClientAddressResolver CLIENTS = new ClientAddressResolver(
			TrustedProxies.of(TrustedProxies.DEFAULT_RANGES), true);

	static RateLimitPolicy policy(String name, long... capacityAndSeconds) {
		RateLimitPolicyProperties properties = new RateLimitPolicyProperties();
		properties.setName(name);
		properties.getMatch().setPaths(List.of("/**"));
		for (int i = 0; i < capacityAndSeconds.length; i += 2) {
			RateLimitPolicyProperties.Limit limit = new RateLimitPolicyProperties.Limit();
			limit.setCapacity(capacityAndSeconds[i]);
			limit.setPeriod(Duration.ofSeconds(capacityAndSeconds[i + 1]));
			properties.getLimits().add(limit);
		}
		RateLimitProperties all = new RateLimitProperties();
		all.getPolicies().add(properties);
		return RateLimitRulesMapper.rules(all, CLIENTS).policies().get(0);
	}

	@Test
	void admitsExactlyTheCapacityThenRejectsWithARetryDelay() {
		MemoryRateLimitStore store = new MemoryRateLimitStore(100, Duration.ofMinutes(1));
		RateLimitPolicy policy = policy("five", 5, 60);
		for (int i = 4; i >= 0; i--) {
			RateLimitDecision decision = store.tryConsume(policy, "five:1.2.3.4");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(i);
		}
		RateLimitDecision rejected = store.tryConsume(policy, "five:1.2.3.4");
		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.remaining()).isZero();
		// One token comes back every 12 s; the full bucket after 60 s.
		assertThat(rejected.retryAfterSeconds()).isBetween(11L, 12L);
		assertThat(rejected.resetSeconds()).isBetween(59L, 60L);
		assertThat(store.tryConsume(policy, "five:5.6.7.8").allowed()).as("another key, another bucket").isTrue();
	}

	@Test
	void reportsTheMostRestrictiveBandwidth() {
		MemoryRateLimitStore store = new MemoryRateLimitStore(100, Duration.ofMinutes(1));
		RateLimitPolicy policy = policy("api", 100, 60, 3, 1);
		RateLimitDecision first = store.tryConsume(policy, "api:k");
		assertThat(first.quota().name()).isEqualTo("api-1s");
		assertThat(first.remaining()).isEqualTo(2);
		store.tryConsume(policy, "api:k");
		store.tryConsume(policy, "api:k");
		RateLimitDecision rejected = store.tryConsume(policy, "api:k");
		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.quota().name()).isEqualTo("api-1s");
		assertThat(rejected.retryAfterSeconds()).isEqualTo(1);
		assertThat(policy.quotas()).extracting(Quota::name).containsExactly("api-60s", "api-1s");
	}

	@Test
	void aFloodOfDistinctKeysStaysWithinMaxKeys() {
		MemoryRateLimitStore store = new MemoryRateLimitStore(1_000, Duration.ofHours(1));
		RateLimitPolicy policy = policy("flood", 10, 60);
		for (int i = 0; i < 50_000; i++) {
			store.tryConsume(policy, "flood:10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
		}
		assertThat(store.size()).isLessThanOrEqualTo(1_000).isGreaterThan(0);
		assertThat(store.describe()).containsEntry("max-keys", 1_000);
	}

	@Test
	void policiesWithTheSameKeyDrawFromBucketsOfTheirOwn() {
		MemoryRateLimitStore store = new MemoryRateLimitStore(100, Duration.ofMinutes(1));
		RateLimitPolicy one = policy("one", 1, 60);
		RateLimitPolicy other = policy("other", 1, 60);
		assertThat(store.tryConsume(one, "1.2.3.4").allowed()).isTrue();
		assertThat(store.tryConsume(one, "1.2.3.4").allowed()).as("one's single token is gone").isFalse();
		assertThat(store.tryConsume(other, "1.2.3.4").allowed()).as("other has a bucket of its own").isTrue();
		assertThat(store.size()).isEqualTo(2);
	}

	@Test
	void concurrentRequestsOnOneKeyAreAdmittedExactlyUpToTheCapacity() throws Exception {
		MemoryRateLimitStore store = new MemoryRateLimitStore(100, Duration.ofHours(1));
		RateLimitPolicy policy = policy("hot", 1_000, 3600, 500, 600);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> clients = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				clients.add(() -> {
					int admitted = 0;
					for (int i = 0; i < 200; i++) {
						if (store.tryConsume(policy, "hot-key").allowed()) {
							admitted++;
						}
					}
					return admitted;
				});
			}
			int admitted = 0;
			for (Future<Integer> result : threads.invokeAll(clients)) {
				admitted += result.get();
			}
			// 1600 attempts within far less than the 1.2 s one token of the 500-per-600 s bandwidth takes to return.
			assertThat(admitted).isEqualTo(500);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
