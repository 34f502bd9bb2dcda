package io.github.hardening.resilience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * A response read completely within its attempt, so that the attempt timeout covers the body too and a
 * retried attempt leaves no connection half-read.
 */
final class BufferedResponse implements ClientHttpResponse {

	private final HttpStatusCode status;

	private final String statusText;

	private final HttpHeaders headers;

	private final byte[] body;

	private BufferedResponse(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {
		this.status = status;
		this.statusText = statusText;
		this.headers = headers;
		this.body = body;
	}

	static BufferedResponse read(ClientHttpResponse response) throws IOException {
		try (response) {
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(response.getHeaders());
			byte[] body;
			try (InputStream in = response.getBody()) {
				body = StreamUtils.copyToByteArray(in);
			}
			return new BufferedResponse(response.getStatusCode(), response.getStatusText(), HttpHeaders.readOnlyHttpHeaders(headers), body);
		}
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return this.status;
	}

	@Override
	public String getStatusText() {
		return this.statusText;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

	@Override
	public void close() {
		// Nothing to release: the connection was returned when the body was read.
	}

}
