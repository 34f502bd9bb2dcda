package io.github.hardening.logging;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.hardening.core.RequestIds;

/**
 * Carries the current request id to outbound calls: {@code X-Request-ID} is set from the current request unless the
 * caller set it already, so a downstream service logs the same id.
 */
public class RequestIdPropagation implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RequestIds.propagate(request.getHeaders());
		return execution.execute(request, body);
	}

}
