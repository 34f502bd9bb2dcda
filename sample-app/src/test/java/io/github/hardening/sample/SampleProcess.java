package io.github.hardening.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample application as a real child JVM (the test class path, {@code SampleApplication.main}) on a free
 * port, its output going to a file, so that tests can send it signals and read what it printed.
 */
final class SampleProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private final int port;

	private SampleProcess(Process process, Path output, int port) {
		this.process = process;
		this.output = output;
		this.port = port;
	}

	/**
	 * Starts the sample with extra {@code --name=value} arguments and waits until {@code /readyz} answers 200.
	 */
	static SampleProcess start(String... arguments) throws IOException, InterruptedException {
		int port = freePort();
		Path output = Files.createTempFile("sample-process-", ".log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), SampleApplication.class.getName(),
				"--server.port=" + port, "--spring.main.banner-mode=off"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.directory(new File("."))
			.start();
		SampleProcess sample = new SampleProcess(process, output, port);
		sample.awaitReady(Duration.ofSeconds(90));
		return sample;
	}

	Http http() {
		return new Http(this.port);
	}

	Process process() {
		return this.process;
	}

	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The sample exited with " + this.process.exitValue() + ":\n" + output());
			}
			try {
				HttpResponse<String> response = http().get("/readyz");
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		close();
		throw new IllegalStateException("The sample did not become ready within " + timeout + ":\n" + output());
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
