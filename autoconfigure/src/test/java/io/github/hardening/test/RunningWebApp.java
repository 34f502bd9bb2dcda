package io.github.hardening.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;

import io.github.hardening.core.HardeningAutoConfiguration;

/**
 * A real embedded Tomcat on a random port, running the auto-configurations a test names (never the whole
 * classpath, so that e.g. Spring Security on the test classpath only applies where a test asks for it),
 * and an HTTP client to talk to it.
 */
public final class RunningWebApp implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ConfigurableApplicationContext context;

	private final int port;

	private RunningWebApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts an application with the servlet/MVC/Jackson basics and the hardening core, plus the given
	 * configuration classes. Classes annotated with {@code @AutoConfiguration} are imported after the
	 * user's configuration, as in a real application, so that their conditions see the user's beans.
	 * @param sources extra auto-configurations, user configurations and controllers
	 * @param properties {@code key=value} pairs
	 * @return the running application
	 */
	public static synchronized RunningWebApp start(List<Class<?>> sources, String... properties) {
		List<Class<?>> all = new ArrayList<>();
		List<String> autoConfigurations = new ArrayList<>();
		for (Class<?> source : sources) {
			if (source.isAnnotationPresent(AutoConfiguration.class)) {
				autoConfigurations.add(source.getName());
			}
			else {
				all.add(source);
			}
		}
		RequestedAutoConfigurations.names = autoConfigurations.toArray(String[]::new);
		all.add(Basics.class);
		List<String> props = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"logging.level.root=warn"));
		props.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
			.web(WebApplicationType.SERVLET)
			.properties(props.toArray(String[]::new))
			.run();
		return new RunningWebApp(context);
	}

	/**
	 * Returns the application context.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the absolute URI of a path on this server.
	 * @param path path and query
	 * @return the URI
	 */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Starts building a request to a path.
	 * @param path path and query
	 * @return a request builder
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
	}

	/**
	 * Sends a request and reads the body as a string.
	 * @param request the request
	 * @return the response
	 */
	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a GET and reads the body as a string.
	 * @param path path and query
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	@Override
	public void close() {
		this.context.close();
	}

	@ImportAutoConfiguration({ ServletWebServerFactoryAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
			HardeningAutoConfiguration.class })
	@Import(RequestedAutoConfigurations.class)
	static class Basics {

	}

	/**
	 * Imports the auto-configurations a test asked for, deferred like Boot's own, after the user's beans.
	 */
	static class RequestedAutoConfigurations implements DeferredImportSelector {

		static volatile String[] names = new String[0];

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return names;
		}

	}

}
