package io.github.hardening.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Text normalisation of a query parameter: what the application receives is NFC, without control or
 * bidirectional override characters. Words such as "select" or "or 1=1" are ordinary text here.
 */
@RestController
class SearchController {

	@GetMapping("/api/search")
	Map<String, String> search(@RequestParam String q) {
		return Map.of("q", q);
	}

}
