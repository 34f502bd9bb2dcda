package io.github.hardening.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.hardening.core.RequestIds;

/**
 * A simulated unreliable dependency inside the sample: fails a share of calls with a chosen status and
 * answers after a chosen delay, so that {@code /api/downstream} has something to be resilient against.
 */
@RestController
class FlakyController {

	@GetMapping("/sim/flaky")
	ResponseEntity<Map<String, Object>> flaky(HttpServletRequest request, @RequestParam(defaultValue = "0.5") double failRate,
			@RequestParam(defaultValue = "0") long delayMs, @RequestParam(defaultValue = "503") int status)
			throws InterruptedException {
		if (failRate < 0 || failRate > 1 || delayMs < 0 || delayMs > 10_000 || status < 400 || status > 599) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"failRate is 0 to 1, delayMs 0 to 10000, status 400 to 599");
		}
		if (delayMs > 0) {
			Thread.sleep(delayMs);
		}
		boolean fail = ThreadLocalRandom.current().nextDouble() < failRate;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ok", !fail);
		body.put("delayMs", delayMs);
		// The caller's request id, propagated by the resilience pipeline, shows that the calls are joined up.
		body.put("requestId", RequestIds.get(request));
		return ResponseEntity.status(fail ? status : 200).body(body);
	}

}
