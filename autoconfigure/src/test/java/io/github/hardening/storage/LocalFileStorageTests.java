package io.github.hardening.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The local storage with real files: random ids, sanitised names, detected types, size limit, no traversal.
 */
class LocalFileStorageTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R' };

	@TempDir
	Path dir;

	private LocalFileStorage storage(long max) {
		return new LocalFileStorage(this.dir.resolve("root"), max, new TikaContentTypeDetector(),
				Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void storesUnderARandomIdWithSanitisedNameAndDetectedType() throws IOException {
		LocalFileStorage storage = storage(1024);
		StoredFile file = storage.store(new ByteArrayInputStream(PNG), "holiday photo.png", "text/html");
		assertThat(file.id()).matches("[A-Za-z0-9_-]{22}");
		assertThat(file.filename()).isEqualTo("holiday photo.png");
		assertThat(file.contentType()).as("detected, not declared").isEqualTo("image/png");
		assertThat(file.size()).isEqualTo(PNG.length);
		assertThat(storage.find(file.id())).contains(file);
		try (InputStream in = storage.open(file, 4)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(PNG, 4, PNG.length));
		}
		assertThat(storage.store(new ByteArrayInputStream(PNG), "holiday photo.png", null).id()).isNotEqualTo(file.id());
		try (Stream<Path> files = Files.list(this.dir.resolve("root/.tmp"))) {
			assertThat(files).as("no temporary file is left").isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "..\\..\\boot.ini", "/etc/passwd", "%2e%2e%2fsecret", "a/../../b.txt",
			"C:\\Windows\\system.ini", "..", "nul.txt", "x\u0000.txt" })
	void traversalInNamesNeverLeavesTheRoot(String name) throws IOException {
		LocalFileStorage storage = storage(1024);
		StoredFile file = storage.store(new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)), name, null);
		assertThat(file.filename()).doesNotContain("/", "\\", "..").isNotEqualTo("nul.txt");
		try (Stream<Path> all = Files.walk(this.dir)) {
			List<Path> outside = all.filter(Files::isRegularFile)
				.filter((p) -> !p.startsWith(this.dir.resolve("root")))
				.toList();
			assertThat(outside).isEmpty();
		}
		assertThat(Files.exists(this.dir.resolve("root").resolve(file.id()))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../root/x", "..", "", "AAAAAAAAAAAAAAAAAAAAA/", "AAAAAAAAAAAAAAAAAAAAAA.properties" })
	void malformedOrUnknownIdsAreNotFound(String id) throws IOException {
		assertThat(storage(1024).find(id)).isEmpty();
		assertThat(storage(1024).delete(id)).isFalse();
	}

	@Test
	void fileOverTheLimitIsRefusedAndNothingIsKept() throws IOException {
		LocalFileStorage storage = storage(10);
		assertThatExceptionOfType(StorageLimitException.class)
			.isThrownBy(() -> storage.store(new ByteArrayInputStream(new byte[11]), "big.bin", null));
		try (Stream<Path> all = Files.walk(this.dir.resolve("root"))) {
			assertThat(all.filter(Files::isRegularFile)).isEmpty();
		}
		assertThat(storage.store(new ByteArrayInputStream(new byte[10]), "ok.bin", null).size()).isEqualTo(10);
	}

	@Test
	void deleteRemovesContentAndMetadata() throws IOException {
		LocalFileStorage storage = storage(1024);
		StoredFile file = storage.store(new ByteArrayInputStream(PNG), "a.png", null);
		assertThat(storage.delete(file.id())).isTrue();
		assertThat(storage.find(file.id())).isEmpty();
		try (Stream<Path> all = Files.walk(this.dir.resolve("root"))) {
			assertThat(all.filter(Files::isRegularFile)).isEmpty();
		}
	}

}
