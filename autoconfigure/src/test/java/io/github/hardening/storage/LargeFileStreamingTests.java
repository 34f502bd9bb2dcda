package io.github.hardening.storage;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MB file is stored and served by a child JVM limited to a 64 MB heap: it could not hold the file in
 * memory, so getting every byte back proves that both directions stream.
 */
class LargeFileStreamingTests {

	private static final long SIZE = 50L * 1024 * 1024;

	@TempDir
	Path dir;

	@Test
	void fiftyMegabytesStreamThroughASixtyFourMegabyteHeap() throws Exception {
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				SmallHeapServer.class.getName(), this.dir.toString(), Long.toString(SIZE)))
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			String ready = null;
			StringBuilder log = new StringBuilder();
			while ((line = output.readLine()) != null) {
				log.append(line).append('\n');
				if (line.startsWith("READY ")) {
					ready = line;
					break;
				}
			}
			assertThat(ready).as(log.toString()).isNotNull();
			String[] parts = ready.split(" ");
			assertThat(Long.parseLong(parts[2])).as("max heap").isLessThan(SIZE * 2);
			Thread drain = new Thread(() -> output.lines().forEach((l) -> { }));
			drain.setDaemon(true);
			drain.start();
			HttpClient client = HttpClient.newHttpClient();
			URI uri = URI.create("http://127.0.0.1:" + parts[1] + "/files/big");
			HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
			assertThat(digest(response.body())).isEqualTo(digest(new SmallHeapServer.PatternInputStream(SIZE)));
			HttpResponse<byte[]> tail = client.send(HttpRequest.newBuilder(uri).header("Range", "bytes=-16").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(tail.statusCode()).isEqualTo(206);
			InputStream expected = new SmallHeapServer.PatternInputStream(SIZE);
			expected.skip(SIZE - 16);
			assertThat(tail.body()).isEqualTo(expected.readAllBytes());
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static byte[] digest(InputStream in) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
			byte[] buffer = new byte[64 * 1024];
			while (digesting.read(buffer) != -1) {
				// digesting
			}
		}
		return sha.digest();
	}

}
