package io.github.hardening.sanitize;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that was already read, handed out again.
 */
final class ReplayServletInputStream extends ServletInputStream {

	private final ByteArrayInputStream in;

	ReplayServletInputStream(byte[] body) {
		this.in = new ByteArrayInputStream(body);
	}

	@Override
	public int read() {
		return this.in.read();
	}

	@Override
	public int read(byte[] b, int off, int len) {
		return this.in.read(b, off, len);
	}

	@Override
	public boolean isFinished() {
		return this.in.available() == 0;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setReadListener(ReadListener listener) {
		throw new UnsupportedOperationException("The body was already read");
	}

}
