package io.github.hardening.sanitize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Hands out the request body only through a {@link LimitedServletInputStream}, for the stream and the
 * reader alike.
 */
class BodyLimitRequestWrapper extends HttpServletRequestWrapper {

	private final long maxBytes;

	private ServletInputStream stream;

	private BufferedReader reader;

	BodyLimitRequestWrapper(HttpServletRequest request, long maxBytes) {
		super(request);
		this.maxBytes = maxBytes;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.reader != null) {
			throw new IllegalStateException("getReader() has already been called for this request");
		}
		if (this.stream == null) {
			this.stream = new LimitedServletInputStream(super.getInputStream(), this.maxBytes);
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			if (this.stream != null) {
				throw new IllegalStateException("getInputStream() has already been called for this request");
			}
			String encoding = getCharacterEncoding();
			Charset charset;
			try {
				charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			}
			catch (IllegalArgumentException ex) {
				// As the container does: an unknown charset is an I/O problem of this request, not a 500.
				throw new java.io.UnsupportedEncodingException(encoding);
			}
			this.reader = new BufferedReader(new InputStreamReader(
					new LimitedServletInputStream(super.getInputStream(), this.maxBytes), charset));
		}
		return this.reader;
	}

}
