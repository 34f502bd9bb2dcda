package io.github.hardening.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Serving stored files over real HTTP: headers, conditional requests and byte ranges, bytes compared exactly.
 */
class StoredFileServingEndToEndTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@TempDir
	Path root;

	@Test
	void fullResponseCarriesSafeHeaders() throws Exception {
		try (RunningWebApp app = start()) {
			StoredFile file = store(app, content(1000), "report <final>.bin");
			HttpResponse<byte[]> response = get(app, file, new String[0]);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(content(1000));
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
				.contains("filename*=UTF-8''report%20_final_.bin");
			assertThat(response.headers().firstValue("ETag")).hasValue(file.etag());
			assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
			StoredFile png = store(app, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, "p.png");
			assertThat(get(app, png, new String[0]).headers().firstValue("Content-Disposition").orElseThrow())
				.startsWith("inline;");
		}
	}

	@Test
	void conditionalRequestsGet304() throws Exception {
		try (RunningWebApp app = start()) {
			StoredFile file = store(app, content(100), "a.bin");
			assertThat(get(app, file, "If-None-Match", file.etag()).statusCode()).isEqualTo(304);
			assertThat(get(app, file, "If-None-Match", "\"other\", " + file.etag()).statusCode()).isEqualTo(304);
			assertThat(get(app, file, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
			String lastModified = get(app, file, new String[0]).headers().firstValue("Last-Modified").orElseThrow();
			HttpResponse<byte[]> notModified = get(app, file, "If-Modified-Since", lastModified);
			assertThat(notModified.statusCode()).isEqualTo(304);
			assertThat(notModified.body()).isEmpty();
			String earlier = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(Instant.now().minusSeconds(3600).atZone(ZoneOffset.UTC));
			assertThat(get(app, file, "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void singleRangesAreExact() throws Exception {
		try (RunningWebApp app = start()) {
			byte[] bytes = content(1000);
			StoredFile file = store(app, bytes, "a.bin");
			assertRange(app, file, "bytes=0-99", 0, 100);
			assertRange(app, file, "bytes=990-", 990, 10);
			assertRange(app, file, "bytes=-5", 995, 5);
			assertRange(app, file, "bytes=900-5000", 900, 100);
			assertThat(get(app, file, "Range", "bytes=0-9", "If-Range", "\"stale\"").statusCode())
				.as("a changed entity gets the whole file").isEqualTo(200);
			assertThat(get(app, file, "Range", "bytes=0-9", "If-Range", file.etag()).statusCode()).isEqualTo(206);
			assertThat(get(app, file, "Range", "items=0-9").statusCode()).as("unknown unit ignored").isEqualTo(200);
			assertThat(get(app, file, "Range", "bytes=9-0").statusCode()).as("invalid ignored").isEqualTo(200);
		}
	}

	@Test
	void unsatisfiableRangeGets416() throws Exception {
		try (RunningWebApp app = start()) {
			StoredFile file = store(app, content(1000), "a.bin");
			HttpResponse<byte[]> response = get(app, file, "Range", "bytes=1000-1100");
			assertThat(response.statusCode()).isEqualTo(416);
			assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */1000");
		}
	}

	@Test
	void multipleRangesGetMultipartByteranges() throws Exception {
		try (RunningWebApp app = start()) {
			byte[] bytes = content(1000);
			StoredFile file = store(app, bytes, "a.bin");
			HttpResponse<byte[]> response = get(app, file, "Range", "bytes=0-9,500-509");
			assertThat(response.statusCode()).isEqualTo(206);
			String type = response.headers().firstValue("Content-Type").orElseThrow();
			assertThat(type).startsWith("multipart/byteranges; boundary=");
			String boundary = type.substring(type.indexOf('=') + 1);
			String body = new String(response.body(), StandardCharsets.ISO_8859_1);
			String expected = "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-9/1000\r\n\r\n"
					+ new String(Arrays.copyOfRange(bytes, 0, 10), StandardCharsets.ISO_8859_1)
					+ "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 500-509/1000\r\n\r\n"
					+ new String(Arrays.copyOfRange(bytes, 500, 510), StandardCharsets.ISO_8859_1)
					+ "\r\n--" + boundary + "--\r\n";
			assertThat(body).isEqualTo(expected);
			assertThat(response.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(response.body().length);
			assertThat(get(app, file, "Range", "bytes=0-999,0-999").statusCode()).as("overlapping abuse").isEqualTo(200);
		}
	}

	@Test
	void everyStoreRefusalAndResponseOutcomeIsCountedWithItsBytes() throws Exception {
		try (RunningWebApp app = RunningWebApp.start(List.of(StorageAutoConfiguration.class, Files.class),
				"hardening.storage.root=" + this.root, "hardening.storage.max-file-size=2KB")) {
			StoredFile file = store(app, content(1000), "a.bin");
			store(app, content(24), "b.bin");
			assertThatExceptionOfType(StorageLimitException.class).isThrownBy(() -> store(app, content(3000), "big.bin"));
			assertThat(get(app, file, new String[0]).body()).hasSize(1000);
			assertThat(get(app, file, "If-None-Match", file.etag()).statusCode()).isEqualTo(304);
			assertThat(get(app, file, "Range", "bytes=0-99").statusCode()).isEqualTo(206);
			assertThat(get(app, file, "Range", "bytes=0-9,500-509").statusCode()).isEqualTo(206);
			assertThat(get(app, file, "Range", "bytes=1000-").statusCode()).isEqualTo(416);
			assertThat(app.request("/files/" + file.id()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build())
				.satisfies((head) -> assertThat(RunningWebApp.send(head).statusCode()).isEqualTo(200));

			HardeningMetrics metrics = app.context().getBean(HardeningMetrics.class);
			assertThat(metrics.counter(StorageCounters.FILES_STORED, "").count()).isEqualTo(2);
			assertThat(metrics.counter(StorageCounters.BYTES_STORED, "").count()).isEqualTo(1024);
			assertThat(metrics.counter(StorageCounters.UPLOADS_REFUSED, "", "reason", "too-large").count()).isEqualTo(1);
			assertThat(metrics.counter(StorageCounters.RESPONSES, "", "outcome", "full").count()).isEqualTo(2);
			assertThat(metrics.counter(StorageCounters.RESPONSES, "", "outcome", "not-modified").count()).isEqualTo(1);
			assertThat(metrics.counter(StorageCounters.RESPONSES, "", "outcome", "partial").count()).isEqualTo(2);
			assertThat(metrics.counter(StorageCounters.RESPONSES, "", "outcome", "not-satisfiable").count()).isEqualTo(1);
			assertThat(metrics.counter(StorageCounters.BYTES_SERVED, "").count()).as("1000 + 100 + 10 + 10, HEAD none")
				.isEqualTo(1120);
			FeatureReport report = app.context().getBean("storageReportContributor", HardeningReportContributor.class)
				.report();
			assertThat(report.counters()).containsEntry("files-stored", 2L).containsEntry("bytes-stored", 1024L)
				.containsEntry("uploads-refused-too-large", 1L).containsEntry("responses-partial", 2L)
				.containsEntry("bytes-served", 1120L);
		}
	}

	@Test
	void unknownIdIs404Problem() throws Exception {
		try (RunningWebApp app = start()) {
			HttpResponse<String> response = app.get("/files/AAAAAAAAAAAAAAAAAAAAAA");
			assertThat(response.statusCode()).isEqualTo(404);
		}
	}

	private void assertRange(RunningWebApp app, StoredFile file, String range, int from, int length) throws Exception {
		HttpResponse<byte[]> response = get(app, file, "Range", range);
		assertThat(response.statusCode()).as(range).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range"))
			.hasValue("bytes " + from + "-" + (from + length - 1) + "/" + file.size());
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content((int) file.size()), from, from + length));
	}

	private static HttpResponse<byte[]> get(RunningWebApp app, StoredFile file, String... headers) throws Exception {
		HttpRequest.Builder request = app.request("/files/" + file.id()).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static StoredFile store(RunningWebApp app, byte[] bytes, String name) throws IOException {
		return app.context().getBean(FileStorage.class).store(new ByteArrayInputStream(bytes), name, null);
	}

	static byte[] content(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (i * 31 + (i >> 8));
		}
		return bytes;
	}

	private RunningWebApp start() {
		return RunningWebApp.start(List.of(StorageAutoConfiguration.class, Files.class),
				"hardening.storage.root=" + this.root);
	}

	@RestController
	static class Files {

		private final FileStorage storage;

		private final StoredFileResponder responder;

		Files(FileStorage storage, StoredFileResponder responder) {
			this.storage = storage;
			this.responder = responder;
		}

		@GetMapping("/files/{id}")
		void file(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
			StoredFile file = this.storage.find(id).orElse(null);
			if (file == null) {
				response.sendError(404);
				return;
			}
			this.responder.serve(file, request, response);
		}

	}

}
