package io.github.hardening.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.util.StreamUtils;

/**
 * Serves a stored file safely and efficiently: its stored type with {@code nosniff}, as an attachment unless
 * the type is on the inline allow-list, with ETag and Last-Modified (304), byte ranges (206, multipart for
 * several, 416 when none is satisfiable), streamed without loading the file into memory.
 */
public class StoredFileResponder {

	private final FileStorage storage;

	private final Set<String> inlineTypes;

	private final StorageCounters counters;

	/**
	 * Creates a responder.
	 * @param storage where files are read from
	 * @param inlineTypes media types shown inline instead of downloaded, e.g. {@code image/png}
	 */
	public StoredFileResponder(FileStorage storage, Set<String> inlineTypes) {
		this(storage, inlineTypes, StorageCounters.local());
	}

	/**
	 * Creates a responder that counts its responses and the bytes it sends.
	 * @param storage where files are read from
	 * @param inlineTypes media types shown inline instead of downloaded, e.g. {@code image/png}
	 * @param counters counts responses by outcome and bytes served
	 */
	public StoredFileResponder(FileStorage storage, Set<String> inlineTypes, StorageCounters counters) {
		this.storage = storage;
		this.inlineTypes = inlineTypes;
		this.counters = counters;
	}

	/**
	 * Writes the file (or its ranges, or a 304, or a 416) to the response.
	 * @param file the file
	 * @param request the request, for conditional and range headers
	 * @param response the response
	 * @throws IOException when reading or writing fails
	 */
	public void serve(StoredFile file, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Instant modified = file.created().truncatedTo(ChronoUnit.SECONDS);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("ETag", file.etag());
		response.setDateHeader("Last-Modified", modified.toEpochMilli());
		response.setHeader("Accept-Ranges", "bytes");
		response.setHeader("Cache-Control", "private, no-transform");
		if (notModified(file, request, modified)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			this.counters.responded(StorageCounters.Outcome.NOT_MODIFIED);
			return;
		}
		String type = (file.contentType() != null) ? file.contentType() : "application/octet-stream";
		boolean inline = this.inlineTypes.contains(type);
		response.setHeader("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.filename(), StandardCharsets.UTF_8).build().toString());
		List<ByteRanges.Range> ranges = rangeApplies(file, request, modified)
				? ByteRanges.parse(request.getHeader("Range"), file.size()) : null;
		boolean head = "HEAD".equals(request.getMethod());
		if (ranges == null) {
			this.counters.responded(StorageCounters.Outcome.FULL);
			response.setContentType(type);
			response.setContentLengthLong(file.size());
			if (!head) {
				copy(file, 0, file.size(), response.getOutputStream());
			}
		}
		else if (ranges.isEmpty()) {
			this.counters.responded(StorageCounters.Outcome.NOT_SATISFIABLE);
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			response.setHeader("Content-Range", "bytes */" + file.size());
			response.setContentLength(0);
		}
		else if (ranges.size() == 1) {
			ByteRanges.Range range = ranges.get(0);
			this.counters.responded(StorageCounters.Outcome.PARTIAL);
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setContentType(type);
			response.setHeader("Content-Range", contentRange(range, file.size()));
			response.setContentLengthLong(range.length());
			if (!head) {
				copy(file, range.first(), range.length(), response.getOutputStream());
			}
		}
		else {
			multipart(file, type, ranges, head, response);
		}
	}

	private void multipart(StoredFile file, String type, List<ByteRanges.Range> ranges, boolean head,
			HttpServletResponse response) throws IOException {
		String boundary = UUID.randomUUID().toString().replace("-", "");
		byte[][] headers = new byte[ranges.size()][];
		long length = 0;
		for (int i = 0; i < ranges.size(); i++) {
			headers[i] = ("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: "
					+ contentRange(ranges.get(i), file.size()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
			length += headers[i].length + ranges.get(i).length();
		}
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		this.counters.responded(StorageCounters.Outcome.PARTIAL);
		response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
		response.setContentType("multipart/byteranges; boundary=" + boundary);
		response.setContentLengthLong(length + end.length);
		if (head) {
			return;
		}
		OutputStream out = response.getOutputStream();
		for (int i = 0; i < ranges.size(); i++) {
			out.write(headers[i]);
			copy(file, ranges.get(i).first(), ranges.get(i).length(), out);
		}
		out.write(end);
	}

	private void copy(StoredFile file, long offset, long length, OutputStream out) throws IOException {
		if (length <= 0) {
			return;
		}
		try (InputStream in = this.storage.open(file, offset)) {
			// Counted after the copy: an aborted download adds nothing.
			this.counters.served(StreamUtils.copyRange(in, out, 0, length - 1));
		}
	}

	private static boolean notModified(StoredFile file, HttpServletRequest request, Instant modified) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String noneMatch = request.getHeader("If-None-Match");
		if (noneMatch != null) {
			return matchesEtag(noneMatch, file.etag());
		}
		long since = dateHeader(request, "If-Modified-Since");
		return since >= 0 && modified.toEpochMilli() <= since;
	}

	private static boolean rangeApplies(StoredFile file, HttpServletRequest request, Instant modified) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String ifRange = request.getHeader("If-Range");
		if (ifRange == null) {
			return true;
		}
		if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
			return ifRange.trim().equals(file.etag());
		}
		long date = dateHeader(request, "If-Range");
		return date >= 0 && modified.toEpochMilli() == date;
	}

	private static boolean matchesEtag(String header, String etag) {
		for (String candidate : header.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

	private static long dateHeader(HttpServletRequest request, String name) {
		try {
			return request.getDateHeader(name);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static String contentRange(ByteRanges.Range range, long size) {
		return "bytes " + range.first() + "-" + range.last() + "/" + size;
	}

}
