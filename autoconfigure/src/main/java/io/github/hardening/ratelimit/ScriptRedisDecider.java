package io.github.hardening.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Decides with {@link TokenBucketScript}: EVALSHA, and EVAL once when Redis does not know the script yet (after
 * a restart or failover).
 */
class ScriptRedisDecider implements RedisDecider {

	private static final byte[] TTL_SLACK_MS = bytes(10_000);

	private final RedisConnector connector;

	ScriptRedisDecider(RedisConnector connector) {
		this.connector = connector;
	}

	@Override
	public CompletableFuture<RateLimitDecision> decide(RateLimitPolicy policy, String key, long budgetNanos) {
		RedisAsyncCommands<String, byte[]> commands = this.connector.commands(budgetNanos);
		String[] keys = { this.connector.redisKey(key) };
		byte[][] args = arguments(policy);
		CompletableFuture<List<Object>> answer = commands.<List<Object>>evalsha(TokenBucketScript.SHA1,
				ScriptOutputType.MULTI, keys, args)
			.toCompletableFuture()
			.exceptionallyCompose((ex) -> isNoScript(ex)
					? commands.<List<Object>>eval(TokenBucketScript.SOURCE, ScriptOutputType.MULTI, keys, args)
						.toCompletableFuture()
					: CompletableFuture.failedFuture(ex));
		return answer.thenApply((result) -> decision(policy, result));
	}

	@Override
	public String name() {
		return "lua-script";
	}

	private static RateLimitDecision decision(RateLimitPolicy policy, List<Object> result) {
		boolean allowed = ((Long) result.get(0)) == 1L;
		long remaining = (Long) result.get(1);
		Quota quota = policy.quotas().get(((Long) result.get(2)).intValue());
		long resetNanos = TimeUnit.MICROSECONDS.toNanos((Long) result.get(3));
		long waitNanos = TimeUnit.MICROSECONDS.toNanos((Long) result.get(4));
		return new RateLimitDecision(policy, allowed, remaining, quota, Math.max(resetNanos, waitNanos), waitNanos);
	}

	private static byte[][] arguments(RateLimitPolicy policy) {
		List<Quota> quotas = policy.quotas();
		byte[][] args = new byte[2 + 2 * quotas.size()][];
		args[0] = bytes(policy.cost());
		args[1] = TTL_SLACK_MS;
		for (int i = 0; i < quotas.size(); i++) {
			args[2 + 2 * i] = bytes(quotas.get(i).capacity());
			args[3 + 2 * i] = bytes(TimeUnit.SECONDS.toMicros(quotas.get(i).windowSeconds()));
		}
		return args;
	}

	private static boolean isNoScript(Throwable ex) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException) ? ex.getCause() : ex;
		return cause instanceof RedisNoScriptException
				|| (cause != null && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT"));
	}

	private static byte[] bytes(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

}
