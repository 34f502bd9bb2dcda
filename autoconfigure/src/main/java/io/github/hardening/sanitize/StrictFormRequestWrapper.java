package io.github.hardening.sanitize;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Parses an {@code application/x-www-form-urlencoded} body itself, the first time a parameter is asked for,
 * so that malformed pairs are seen (the container replaces bad bytes and drops broken escapes without
 * telling). Query parameters still come from the container. For a POST the body stays readable afterwards,
 * and when the application reads the body before any parameter, the container's behaviour is kept. For the
 * methods Spring's {@code FormContentFilter} turns into parameters (PUT, PATCH, DELETE) the body is parsed
 * here instead, when that filter asks for it, and it then reads an empty body, as the application would
 * after that filter: its lenient decoder would fail with a 500 on a broken escape.
 */
class StrictFormRequestWrapper extends HttpServletRequestWrapper {

	private final MalformedParameters malformed;

	private final long maxBytes;

	private final int maxParameters;

	private final boolean parsedForFormContentFilter;

	private Map<String, String[]> parameters;

	private byte[] body;

	private boolean bodyTaken;

	/**
	 * Creates the wrapper.
	 * @param request the request
	 * @param malformed collects the names of malformed pairs
	 * @param maxBytes largest form body parsed, as the container's maximum form post size
	 * @param maxParameters most parameters kept, as the container's maximum parameter count
	 * @param parsedForFormContentFilter whether the body is parsed when first read, and then reads empty
	 */
	StrictFormRequestWrapper(HttpServletRequest request, MalformedParameters malformed, long maxBytes,
			int maxParameters, boolean parsedForFormContentFilter) {
		super(request);
		this.malformed = malformed;
		this.maxBytes = maxBytes;
		this.maxParameters = maxParameters;
		this.parsedForFormContentFilter = parsedForFormContentFilter;
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return Collections.unmodifiableMap(parameters());
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.body == null && this.parsedForFormContentFilter) {
			parameters();
		}
		if (this.body != null) {
			return new ReplayServletInputStream(readableBody());
		}
		this.bodyTaken = true;
		return super.getInputStream();
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.body == null && this.parsedForFormContentFilter) {
			parameters();
		}
		if (this.body != null) {
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(readableBody()), charset()));
		}
		this.bodyTaken = true;
		return super.getReader();
	}

	private byte[] readableBody() {
		return this.parsedForFormContentFilter ? new byte[0] : this.body;
	}

	private Map<String, String[]> parameters() {
		if (this.parameters == null) {
			this.malformed.setFormPending(false);
			this.parameters = this.bodyTaken ? super.getParameterMap() : parseBody();
		}
		return this.parameters;
	}

	private Map<String, String[]> parseBody() {
		try {
			this.body = readBody();
		}
		catch (BodyTooLargeException ex) {
			// Answered once; a later look at the parameters sees the query only, never the body's middle.
			this.body = new byte[0];
			this.parameters = super.getParameterMap();
			throw new UncheckedBodyTooLargeException(ex);
		}
		catch (IOException ex) {
			// The client went away mid-body; the container then also keeps only the query parameters.
			this.body = new byte[0];
		}
		// The body is consumed, so the container now parses only the query string.
		Map<String, List<String>> merged = new LinkedHashMap<>();
		int[] count = { 0 };
		super.getParameterMap().forEach((name, values) -> {
			merged.put(name, new ArrayList<>(List.of(values)));
			count[0] += values.length;
		});
		UrlEncodedPairs.forEach(new String(this.body, StandardCharsets.ISO_8859_1), charset(),
				(name, value, bad) -> {
					if (bad) {
						this.malformed.addParameter(name);
					}
					if (value != null && count[0]++ < this.maxParameters) {
						merged.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
					}
				});
		Map<String, String[]> result = new LinkedHashMap<>();
		merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
		return result;
	}

	private byte[] readBody() throws IOException {
		try (InputStream in = super.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(this.maxBytes + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > this.maxBytes) {
				throw new BodyTooLargeException(this.maxBytes, "max-http-form-post-size");
			}
			return bytes;
		}
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		if (encoding == null) {
			// The servlet default for bodies, as the container uses when nothing set an encoding.
			return StandardCharsets.ISO_8859_1;
		}
		try {
			return Charset.forName(encoding);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return StandardCharsets.ISO_8859_1;
		}
	}

	/** Carries a too-large form body out of {@code getParameter}, which cannot throw checked exceptions. */
	static class UncheckedBodyTooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UncheckedBodyTooLargeException(BodyTooLargeException cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
