package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.github.hardening.core.LocalHardeningMetrics;

/**
 * Builds pipelines from {@code hardening.resilience.*} properties the way the auto-configuration does, with
 * fresh registries, for tests against a real HTTP server.
 */
final class TestPipelines implements AutoCloseable {

	final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	final LocalHardeningMetrics metrics = new LocalHardeningMetrics();

	final ClientPipelines pipelines;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	TestPipelines(String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String property : properties) {
			int eq = property.indexOf('=');
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		ResilienceProperties bound = new Binder(new MapConfigurationPropertySource(map))
			.bindOrCreate("hardening.resilience", ResilienceProperties.class);
		ClientSettings defaults = ClientSettingsMapper.defaults(bound);
		List<ClientSettings> clients = ClientSettingsMapper.clients(bound);
		ClientPipelineFactory factory = new ClientPipelineFactory(this.breakers, BulkheadRegistry.ofDefaults(),
				TimeLimiterRegistry.ofDefaults(), this.executor, this.metrics);
		this.pipelines = new ClientPipelines(clients.stream().map(factory::create).toList(),
				(host) -> factory.create(defaults.named(host)));
	}

	RestClient restClient(String baseUrl) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(new ResilientClientHttpRequestFactory(new JdkClientHttpRequestFactory(), this.pipelines))
			.build();
	}

	double count(String metric, String client) {
		return this.metrics.counter(metric, "", "client", client).count();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
