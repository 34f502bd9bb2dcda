package io.github.hardening.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

import io.github.hardening.core.RequestIds;

/**
 * Wraps a request factory so that every request runs through its client's {@link ClientPipeline}. Each attempt
 * is a fresh request from the delegate, so interceptors run once per logical call and the body is resent as is.
 */
public class ResilientClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory delegate;

	private final ClientPipelines pipelines;

	/**
	 * Creates the wrapper.
	 * @param delegate the factory that talks to the network
	 * @param pipelines the pipelines by client
	 */
	public ResilientClientHttpRequestFactory(ClientHttpRequestFactory delegate, ClientPipelines pipelines) {
		this.delegate = delegate;
		this.pipelines = pipelines;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new ResilientRequest(uri, httpMethod);
	}

	private ClientHttpResponse send(URI uri, HttpMethod method, HttpHeaders headers, byte[] body) throws IOException {
		ClientHttpRequest request = this.delegate.createRequest(uri, method);
		request.getHeaders().putAll(headers);
		if (body.length > 0) {
			request.getBody().write(body);
		}
		return request.execute();
	}

	private final class ResilientRequest extends AbstractClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);

		ResilientRequest(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			return this.body;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
			RequestIds.propagate(headers);
			byte[] bytes = this.body.toByteArray();
			ClientPipeline pipeline = ResilientClientHttpRequestFactory.this.pipelines.select(this.uri, getAttributes());
			if (!pipeline.settings().enabled()) {
				return send(this.uri, this.method, headers, bytes);
			}
			return pipeline.execute(this.method, headers,
					() -> BufferedResponse.read(send(this.uri, this.method, headers, bytes)));
		}

	}

}
