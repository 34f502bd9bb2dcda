package io.github.hardening.sample;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.hardening.test.RunningWebApp;

/**
 * A plain JDK HTTP client against the sample on its random port: what a real client sees, no mocks.
 */
final class Http {

	private final int port;

	Http(int port) {
		this.port = port;
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).timeout(Duration.ofSeconds(10));
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	HttpResponse<String> send(HttpRequest request) {
		return RunningWebApp.send(request);
	}

}
