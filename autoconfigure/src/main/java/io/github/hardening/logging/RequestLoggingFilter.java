package io.github.hardening.logging;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningCounter;

/**
 * Puts the client address, method and path of the request in the MDC, so that every log line written while
 * the request runs carries them, and optionally writes one access log line per request (to the logger
 * {@code hardening.access}, with key-value pairs that JSON logs turn into fields). Runs right after the request
 * id and client address filters, so that it sees every request, rejections by later filters included.
 */
public class RequestLoggingFilter extends HttpFilter {

	/** MDC key of the client address. */
	public static final String CLIENT_ADDRESS = "clientAddress";

	/** MDC key of the request method. */
	public static final String METHOD = "method";

	/** MDC key of the request path, without the query (which may carry secrets such as signatures). */
	public static final String PATH = "path";

	private static final long serialVersionUID = 1L;

	private static final Logger accessLog = LoggerFactory.getLogger("hardening.access");

	private final transient ClientAddressResolver clientAddresses;

	private final boolean requestFields;

	private final boolean accessLogEnabled;

	private final transient HardeningCounter lines;

	/**
	 * Creates the filter.
	 * @param clientAddresses resolves the client address through trusted proxies
	 * @param requestFields whether request fields go to the MDC
	 * @param accessLogEnabled whether one line per request is logged
	 * @param lines counts the access log lines
	 */
	public RequestLoggingFilter(ClientAddressResolver clientAddresses, boolean requestFields, boolean accessLogEnabled,
			HardeningCounter lines) {
		this.clientAddresses = clientAddresses;
		this.requestFields = requestFields;
		this.accessLogEnabled = accessLogEnabled;
		this.lines = lines;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long start = System.nanoTime();
		String client = this.clientAddresses.resolve(request).ip();
		String method = request.getMethod();
		String path = request.getRequestURI();
		if (this.requestFields) {
			MDC.put(CLIENT_ADDRESS, client);
			MDC.put(METHOD, method);
			MDC.put(PATH, path);
		}
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			if (this.accessLogEnabled && !request.isAsyncStarted()) {
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				LoggingEventBuilder line = accessLog.atInfo();
				if (!this.requestFields) {
					// Otherwise the MDC carries them already; a JSON object must not repeat a key.
					line = line.addKeyValue(CLIENT_ADDRESS, client).addKeyValue(METHOD, method).addKeyValue(PATH, path);
				}
				line.addKeyValue("status", status)
					.addKeyValue("durationMs", millis)
					.log("{} {} {} {}ms", method, path, status, millis);
				this.lines.increment();
			}
			if (this.requestFields) {
				MDC.remove(CLIENT_ADDRESS);
				MDC.remove(METHOD);
				MDC.remove(PATH);
			}
		}
	}

}
