package io.github.hardening.test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code multipart/form-data} bodies for the JDK HTTP client, with file contents of well-known types.
 */
public final class Multipart {

	/** Boundary of every body built here. */
	public static final String BOUNDARY = "hardening-test-boundary-7MA4YWxkTrZu0gW";

	/** Smallest bytes Tika recognises as PNG: signature and the start of an IHDR chunk. */
	public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	/** The start of a PDF document. */
	public static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	/** A Windows executable header. */
	public static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff"
		.getBytes(StandardCharsets.ISO_8859_1);

	private Multipart() {
	}

	/**
	 * Returns the {@code Content-Type} header value.
	 * @return {@code multipart/form-data} with the boundary
	 */
	public static String contentType() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	/**
	 * Builds a body with one file part.
	 * @param field the part name
	 * @param filename the submitted file name
	 * @param declaredType the part's {@code Content-Type} as a client claims it
	 * @param content the file bytes
	 * @return the body publisher
	 */
	public static HttpRequest.BodyPublisher file(String field, String filename, String declaredType, byte[] content) {
		return HttpRequest.BodyPublishers.ofByteArray(bytes(field, filename, declaredType, content));
	}

	/**
	 * Builds the bytes of a body with one file part.
	 * @param field the part name
	 * @param filename the submitted file name
	 * @param declaredType the part's {@code Content-Type}
	 * @param content the file bytes
	 * @return the body
	 */
	public static byte[] bytes(String field, String filename, String declaredType, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n";
		out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
