package io.github.hardening.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A greedy-refill token bucket with any number of bandwidths as one Lua script: one atomic round trip per
 * decision, with Redis's clock, so instances never race each other or disagree on time.
 * <p>
 * State: one string key, {@code "<micros>:<tokens 1>:<tokens 2>..."}, expiring when every bandwidth is full
 * again. KEYS[1] the bucket; ARGV: cost, ttl slack in ms, then capacity and period (micros) per bandwidth.
 * Returns {allowed (0/1), remaining of the tightest bandwidth, its index (0-based), micros until it is full,
 * micros until the request's tokens are there (0 when allowed)}.
 */
final class TokenBucketScript {

	static final String SOURCE = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local cost = tonumber(ARGV[1])
			local slack = tonumber(ARGV[2])
			local n = (#ARGV - 2) / 2
			local last = now
			local saved = {}
			local raw = redis.call('GET', KEYS[1])
			if raw then
				local i = 0
				for part in string.gmatch(raw, '[^:]+') do
					if i == 0 then last = tonumber(part) else saved[i] = tonumber(part) end
					i = i + 1
				end
			end
			local elapsed = math.max(0, now - last)
			local tokens = {}
			local allowed = 1
			for i = 1, n do
				local cap = tonumber(ARGV[1 + 2 * i])
				local per = tonumber(ARGV[2 + 2 * i])
				local tk = saved[i]
				if tk == nil then tk = cap end
				tk = math.min(cap, tk + elapsed * cap / per)
				tokens[i] = tk
				if tk < cost then allowed = 0 end
			end
			local tightest = 1
			local wait = 0
			local ttl = 0
			for i = 1, n do
				local cap = tonumber(ARGV[1 + 2 * i])
				local per = tonumber(ARGV[2 + 2 * i])
				if allowed == 1 then
					tokens[i] = tokens[i] - cost
				elseif tokens[i] < cost then
					wait = math.max(wait, (cost - tokens[i]) * per / cap)
				end
				if tokens[i] < tokens[tightest] then tightest = i end
				ttl = math.max(ttl, (cap - tokens[i]) * per / cap)
			end
			local state = tostring(now)
			for i = 1, n do state = state .. ':' .. string.format('%.6f', tokens[i]) end
			redis.call('SET', KEYS[1], state, 'PX', math.floor(ttl / 1000) + slack)
			local capT = tonumber(ARGV[1 + 2 * tightest])
			local perT = tonumber(ARGV[2 + 2 * tightest])
			local reset = math.ceil((capT - tokens[tightest]) * perT / capT)
			return { allowed, math.floor(math.max(0, tokens[tightest])), tightest - 1, reset, math.ceil(wait) }
			""";

	static final String SHA1 = sha1(SOURCE);

	private TokenBucketScript() {
	}

	private static String sha1(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}

}
