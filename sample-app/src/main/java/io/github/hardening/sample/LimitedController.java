package io.github.hardening.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rate-limited endpoint: policy {@code sample-limited} in {@code application.yml} allows 5 requests per minute
 * per client address; the sixth gets 429 with Retry-After. {@code /api/generous} is limited too, by a limit
 * no client reaches: the overhead benchmark measures what limiting costs a request that passes.
 */
@RestController
class LimitedController {

	@GetMapping({ "/api/limited", "/api/generous" })
	Map<String, Boolean> limited() {
		return Map.of("ok", true);
	}

}
