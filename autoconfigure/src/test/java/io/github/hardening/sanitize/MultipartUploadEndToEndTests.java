package io.github.hardening.sanitize;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.github.hardening.test.Multipart;
import io.github.hardening.test.RunningWebApp;

import static io.github.hardening.sanitize.SanitizeEndToEndTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload checks over real HTTP: accepted types, spoofed extensions, types not allowed, sizes.
 */
class MultipartUploadEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(
				List.of(MultipartAutoConfiguration.class, LimitsAutoConfiguration.class, UploadController.class),
				"hardening.limits.multipart.allowed-extensions=png,pdf,txt",
				"hardening.limits.multipart.allowed-types=image/png,application/pdf,text/plain",
				"spring.servlet.multipart.max-file-size=10KB");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void allowedFileIsPassedOnWithItsDetectedType() throws Exception {
		HttpResponse<String> response = upload("../../photo.png", "application/octet-stream", Multipart.PNG);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("image/png");
		assertThat(JSON.readTree(response.body()).path("name").asText()).isEqualTo("photo.png");
	}

	@Test
	void spoofedExtensionIsA415() throws Exception {
		HttpResponse<String> response = upload("photo.png", "image/png", Multipart.PDF);
		assertProblem(response, 415, "upload-type-not-allowed");
		assertThat(JSON.readTree(response.body()).path("detectedType").asText()).isEqualTo("application/pdf");
		assertThat(JSON.readTree(response.body()).path("part").asText()).isEqualTo("file");
	}

	@Test
	void typeOrExtensionNotAllowedIsA415() throws Exception {
		assertProblem(upload("setup.txt", "text/plain", Multipart.EXE), 415, "upload-type-not-allowed");
		assertProblem(upload("anim.gif", "image/gif", "GIF89a\u0001\u0000".getBytes()), 415, "upload-type-not-allowed");
	}

	@Test
	void fileOverTheSizeLimitIsA413() throws Exception {
		byte[] big = new byte[20 * 1024];
		System.arraycopy(Multipart.PDF, 0, big, 0, Multipart.PDF.length);
		assertProblem(upload("big.pdf", "application/pdf", big), 413, "payload-too-large");
	}

	private static HttpResponse<String> upload(String filename, String declaredType, byte[] content) {
		return RunningWebApp.send(app.request("/upload")
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("file", filename, declaredType, content))
			.build());
	}

	@RestController
	static class UploadController {

		@PostMapping("/upload")
		Map<String, Object> upload(@RequestParam MultipartFile file, HttpServletRequest request) throws IOException {
			return Map.of("name", SafeFilenames.sanitize(file.getOriginalFilename()), "size", file.getBytes().length,
					"type", MultipartUploadFilter.detectedType(request, "file"));
		}

	}

}
