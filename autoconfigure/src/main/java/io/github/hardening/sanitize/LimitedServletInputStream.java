package io.github.hardening.sanitize;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Counts the bytes read from a request body and fails once there are more than allowed, whatever the
 * {@code Content-Length} said and whether the body is chunked.
 */
class LimitedServletInputStream extends ServletInputStream {

	private final ServletInputStream delegate;

	private final long maxBytes;

	private long count;

	LimitedServletInputStream(ServletInputStream delegate, long maxBytes) {
		this.delegate = delegate;
		this.maxBytes = maxBytes;
	}

	@Override
	public int read() throws IOException {
		int b = this.delegate.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = this.delegate.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) throws IOException {
		this.count += n;
		if (this.count > this.maxBytes) {
			throw new BodyTooLargeException(this.maxBytes);
		}
	}

	@Override
	public boolean isFinished() {
		return this.delegate.isFinished();
	}

	@Override
	public boolean isReady() {
		return this.delegate.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		this.delegate.setReadListener(listener);
	}

	@Override
	public void close() throws IOException {
		this.delegate.close();
	}

}
