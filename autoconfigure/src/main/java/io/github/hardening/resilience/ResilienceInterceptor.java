package io.github.hardening.resilience;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.hardening.core.RequestIds;

/**
 * The pipeline as the last interceptor of a {@code RestTemplate}: being last, each retry's call to the execution
 * creates a fresh request from the underlying factory.
 */
public class ResilienceInterceptor implements ClientHttpRequestInterceptor {

	private final ClientPipelines pipelines;

	/**
	 * Creates the interceptor.
	 * @param pipelines the pipelines by client
	 */
	public ResilienceInterceptor(ClientPipelines pipelines) {
		this.pipelines = pipelines;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RequestIds.propagate(request.getHeaders());
		ClientPipeline pipeline = this.pipelines.select(request.getURI(), request.getAttributes());
		if (!pipeline.settings().enabled()) {
			return execution.execute(request, body);
		}
		return pipeline.execute(request.getMethod(), request.getHeaders(),
				() -> BufferedResponse.read(execution.execute(request, body)));
	}

}
