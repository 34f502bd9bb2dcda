package io.github.hardening.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A JSON endpoint under the {@code api} header preset: strict CSP, no framing, no caching.
 */
@RestController
class HelloController {

	@GetMapping("/api/hello")
	Map<String, String> hello() {
		return Map.of("message", "hello");
	}

}
