package io.github.hardening.headers;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Adds the security headers at the last moment the application can still change headers: when it starts
 * the body, sends an error or redirect, flushes, or finishes without a body. Headers it set by then are
 * left alone. Headers in the removed list are dropped whoever sets them.
 */
final class SecurityHeadersResponse extends HttpServletResponseWrapper {

	private static final String FRAME_OPTIONS = "X-Frame-Options";

	private final PresetHeaders headers;

	private final boolean secure;

	private final String nonce;

	private final RemovedHeaders removed;

	private boolean written;

	private boolean ownPolicy;

	SecurityHeadersResponse(HttpServletResponse response, PresetHeaders headers, boolean secure, String nonce,
			RemovedHeaders removed) {
		super(response);
		this.headers = headers;
		this.secure = secure;
		this.nonce = nonce;
		this.removed = removed;
	}

	void writeHeaders() {
		if (this.written) {
			return;
		}
		this.written = true;
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (!response.isCommitted()) {
			this.ownPolicy = this.headers.writeMissing(response, this.secure, this.nonce);
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		writeHeaders();
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		writeHeaders();
		return super.getWriter();
	}

	@Override
	public void flushBuffer() throws IOException {
		writeHeaders();
		super.flushBuffer();
	}

	@Override
	public void sendError(int sc) throws IOException {
		writeHeaders();
		super.sendError(sc);
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		writeHeaders();
		super.sendError(sc, msg);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		writeHeaders();
		super.sendRedirect(location);
	}

	@Override
	public void reset() {
		super.reset();
		this.written = false;
		this.ownPolicy = false;
	}

	@Override
	public void setHeader(String name, String value) {
		if (!this.removed.contains(name)) {
			super.setHeader(name, value);
			realignFramingAfter(name);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!this.removed.contains(name)) {
			super.addHeader(name, value);
			realignFramingAfter(name);
		}
	}

	private void realignFramingAfter(String name) {
		if (this.ownPolicy && FRAME_OPTIONS.equalsIgnoreCase(name)) {
			this.headers.realignFraming((HttpServletResponse) getResponse(), this.nonce);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (!this.removed.contains(name)) {
			super.setIntHeader(name, value);
		}
	}

	@Override
	public void addIntHeader(String name, int value) {
		if (!this.removed.contains(name)) {
			super.addIntHeader(name, value);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (!this.removed.contains(name)) {
			super.setDateHeader(name, date);
		}
	}

	@Override
	public void addDateHeader(String name, long date) {
		if (!this.removed.contains(name)) {
			super.addDateHeader(name, date);
		}
	}

}
