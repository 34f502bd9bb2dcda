package io.github.hardening.ratelimit;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header fields against the Structured Field syntax (RFC 9651) the draft prescribes: a List of Items whose
 * bare item is an sf-string and whose parameters are q, w (policy) or r, t (RateLimit), each an sf-integer.
 */
class RateLimitHeadersTests {

	// sf-string: DQUOTE *( unescaped / escaped ) DQUOTE; parameters: *( ";" key [ "=" bare-item ] ).
	private static final String STRING = "\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\"\\\\])*\"";

	private static final String INTEGER = "-?[0-9]{1,15}";

	private static final String PARAMS = "(?:;[a-z*][a-z0-9_.*-]*=" + INTEGER + ")*";

	private static final String ITEM = STRING + PARAMS;

	private static final Pattern LIST = Pattern.compile(ITEM + "(?:[ \\t]*,[ \\t]*" + ITEM + ")*");

	@Test
	void policyFieldIsAStructuredFieldListWithOneItemPerBandwidth() {
		RateLimitPolicy api = MemoryRateLimitStoreTests.policy("api", 100, 60, 10, 1);
		RateLimitPolicy daily = MemoryRateLimitStoreTests.policy("daily", 1000, 86400);
		String field = RateLimitHeaders.policyField(List.of(decision(api, 9), decision(daily, 999)));
		assertThat(field).isEqualTo("\"api-60s\";q=100;w=60, \"api-1s\";q=10;w=1, \"daily\";q=1000;w=86400");
		assertThat(LIST.matcher(field).matches()).isTrue();
	}

	@Test
	void rateLimitFieldIsASingleItemWithRemainingAndReset() {
		RateLimitPolicy daily = MemoryRateLimitStoreTests.policy("daily", 1000, 86400);
		String field = RateLimitHeaders.rateLimitField(decision(daily, 999));
		assertThat(field).isEqualTo("\"daily\";r=999;t=87");
		assertThat(LIST.matcher(field).matches()).isTrue();
		assertThat(Pattern.matches(ITEM, field)).isTrue();
	}

	@Test
	void syntaxCheckRefusesWhatIsNotAStructuredField() {
		assertThat(LIST.matcher("api;q=100;w=60").matches()).as("token instead of string").isFalse();
		assertThat(LIST.matcher("\"api\";q=1.5").matches()).as("decimal").isFalse();
		assertThat(LIST.matcher("\"api\";Q=1").matches()).as("upper-case key").isFalse();
	}

	private static RateLimitDecision decision(RateLimitPolicy policy, long remaining) {
		return new RateLimitDecision(policy, true, remaining, policy.quotas().get(0), 86_400_000_000L, 0);
	}

}
