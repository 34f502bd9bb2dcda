package io.github.hardening.sanitize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.hardening.test.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTypeDetectorTests {

	private final UploadTypeDetector detector = new UploadTypeDetector();

	@Test
	void typeComesFromTheContentNotTheName() throws IOException {
		assertThat(detect(Multipart.PNG)).isEqualTo("image/png");
		assertThat(detect(Multipart.PDF)).isEqualTo("application/pdf");
		assertThat(detect("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/gif");
		assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 }))
			.isEqualTo("image/jpeg");
		assertThat(detect("just some text\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
		assertThat(detect(Multipart.EXE)).isNotIn("image/png", "text/plain", "application/pdf");
	}

	@Test
	void extensionMustFitTheDetectedType() {
		assertThat(this.detector.extensionMatches("a.png", "image/png")).isTrue();
		assertThat(this.detector.extensionMatches("a.PNG", "image/png")).isTrue();
		assertThat(this.detector.extensionMatches("a.jpg", "image/jpeg")).isTrue();
		assertThat(this.detector.extensionMatches("a.jpeg", "image/jpeg")).isTrue();
		assertThat(this.detector.extensionMatches("notes.txt", "text/plain")).isTrue();
		assertThat(this.detector.extensionMatches("data.csv", "text/plain")).isTrue();
		assertThat(this.detector.extensionMatches("a.png", "application/pdf")).isFalse();
		assertThat(this.detector.extensionMatches("invoice.pdf", "application/x-msdownload")).isFalse();
		assertThat(this.detector.extensionMatches("noextension", "text/plain")).isFalse();
	}

	@Test
	void policyChecksExtensionTypeAndFit() {
		UploadPolicy policy = UploadPolicy.of(List.of("png", ".PDF", "txt"), List.of("image/png", "application/pdf", "text/plain"));
		assertThat(policy.refusal("a.png", "image/png", this.detector)).isNull();
		assertThat(policy.refusal("a.pdf", "application/pdf", this.detector)).isNull();
		assertThat(policy.refusal("a.gif", "image/gif", this.detector)).contains(".gif");
		assertThat(policy.refusal("a.png", "application/pdf", this.detector)).contains("does not match");
		assertThat(policy.refusal("a.txt", "application/x-msdownload", this.detector)).contains("not accepted");
		UploadPolicy any = UploadPolicy.of(List.of(), List.of());
		assertThat(any.refusal("a.gif", "image/gif", this.detector)).isNull();
		assertThat(any.refusal("a.gif", "image/png", this.detector)).isNotNull();
	}

	private String detect(byte[] content) throws IOException {
		return this.detector.detect(new ByteArrayInputStream(content));
	}

}
