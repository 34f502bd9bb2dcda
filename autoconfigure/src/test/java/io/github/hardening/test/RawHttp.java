package io.github.hardening.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for requests a regular client refuses to send as written: a
 * {@code Content-Length} that lies, a hand-made chunked body.
 */
public final class RawHttp {

	private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

	private RawHttp() {
	}

	/**
	 * Sends one request with {@code Connection: close} and reads one complete response. Does not wait for
	 * the connection to close: after refusing a body the server may keep reading until its timeout.
	 * @param port the server's port on 127.0.0.1
	 * @param requestLine e.g. {@code POST /api/comments HTTP/1.1}
	 * @param headers extra header lines separated by CRLF, without the final empty line
	 * @param body the bytes sent after the headers, exactly as given
	 * @return the response
	 */
	public static Response exchange(int port, String requestLine, String headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String head = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n\r\n";
			try {
				out.write(head.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and stop reading before the whole body is sent; the answer is still read.
			}
			return new Response(readResponse(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Encodes a body with chunked transfer coding, in chunks of 8 KB.
	 * @param body the body
	 * @return the chunked bytes, terminated by the last chunk
	 */
	public static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int chunk = 8192;
		for (int offset = 0; offset < body.length; offset += chunk) {
			int length = Math.min(chunk, body.length - offset);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			String text = received.toString(StandardCharsets.UTF_8);
			if (isComplete(text)) {
				return text;
			}
			int n = in.read(buffer);
			if (n < 0) {
				return text;
			}
			received.write(buffer, 0, n);
		}
	}

	private static boolean isComplete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = text.substring(0, end).toLowerCase(Locale.ROOT);
		Matcher length = CONTENT_LENGTH.matcher(head);
		if (length.find()) {
			return text.getBytes(StandardCharsets.UTF_8).length >= end + 4 + Integer.parseInt(length.group(1));
		}
		return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
	}

	/**
	 * One response as received.
	 *
	 * @param raw status line, headers and body
	 */
	public record Response(String raw) {

		/**
		 * Returns the status code.
		 * @return the status
		 */
		public int status() {
			return Integer.parseInt(this.raw.substring(9, 12));
		}

		/**
		 * Returns the body, de-chunked.
		 * @return the body
		 */
		public String body() {
			String body = this.raw.substring(this.raw.indexOf("\r\n\r\n") + 4);
			if (!this.raw.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				return body;
			}
			StringBuilder out = new StringBuilder();
			int at = 0;
			while (true) {
				int eol = body.indexOf("\r\n", at);
				int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
				if (size == 0) {
					return out.toString();
				}
				out.append(body, eol + 2, eol + 2 + size);
				at = eol + 2 + size + 2;
			}
		}

	}

}
