package io.github.hardening.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rate-limited endpoint: policy {@code sample-limited} in {@code application.yml} allows 5 requests per minute
 * per client address; the sixth gets 429 with Retry-After.
 */
@RestController
class LimitedController {

	@GetMapping("/api/limited")
	Map<String, Boolean> limited() {
		return Map.of("ok", true);
	}

}
