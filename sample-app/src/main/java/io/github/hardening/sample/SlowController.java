package io.github.hardening.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deliberately slow endpoint for graceful-shutdown and drain demos: {@code GET /api/slow?ms=2000}. The wait
 * is capped at 10 s so that it cannot hold a worker thread for long.
 */
@RestController
class SlowController {

	static final long MAX_MILLIS = 10_000;

	@GetMapping("/api/slow")
	Map<String, Long> slow(@RequestParam(defaultValue = "1000") long ms) throws InterruptedException {
		long millis = Math.max(0, Math.min(ms, MAX_MILLIS));
		Thread.sleep(millis);
		return Map.of("sleptMs", millis);
	}

}
