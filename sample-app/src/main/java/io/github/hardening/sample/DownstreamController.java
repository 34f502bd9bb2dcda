package io.github.hardening.sample;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Calls the downstream configured by {@code sample.downstream.url} (by default the sample's own
 * {@code /sim/flaky}) through the resilience pipeline every {@code RestClient} from Boot's builder gets.
 * When the breaker is open or the attempts are exhausted the starter answers 503 problem+json itself.
 */
@RestController
class DownstreamController {

	private final RestClient restClient;

	private final String configuredUrl;

	private final Environment environment;

	DownstreamController(RestClient.Builder builder, @Value("${sample.downstream.url:}") String configuredUrl,
			Environment environment) {
		this.restClient = builder.build();
		this.configuredUrl = configuredUrl;
		this.environment = environment;
	}

	@GetMapping("/api/downstream")
	Map<String, Object> downstream(@RequestParam(required = false) Double failRate,
			@RequestParam(required = false) Long delayMs, @RequestParam(required = false) Integer status) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(url());
		if (failRate != null) {
			uri.queryParam("failRate", failRate);
		}
		if (delayMs != null) {
			uri.queryParam("delayMs", delayMs);
		}
		if (status != null) {
			uri.queryParam("status", status);
		}
		Map<String, Object> answer = this.restClient.get()
			.uri(uri.build().toUri())
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return Map.of("downstream", (answer != null) ? answer : Map.of());
	}

	private String url() {
		if (!this.configuredUrl.isBlank()) {
			return this.configuredUrl;
		}
		// The sample's own simulated dependency, on whatever port the server got.
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080") + "/sim/flaky";
	}

}
