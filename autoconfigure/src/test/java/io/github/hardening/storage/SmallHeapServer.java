package io.github.hardening.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Run in a child JVM with a small heap: stores a generated file of the given size through
 * {@link LocalFileStorage} and serves it with {@link StoredFileResponder} from a bare Tomcat.
 */
public final class SmallHeapServer {

	private SmallHeapServer() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]);
		long size = Long.parseLong(args[1]);
		LocalFileStorage storage = new LocalFileStorage(root.resolve("files"), size, ContentTypeDetector.OCTET_STREAM,
				Clock.systemUTC());
		StoredFile file = storage.store(new PatternInputStream(size), "big.bin", null);
		StoredFileResponder responder = new StoredFileResponder(storage, Set.of());
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(root.resolve("tomcat").toString());
		tomcat.setPort(0);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "files", new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				responder.serve(file, request, response);
			}
		});
		context.addServletMappingDecoded("/*", "files");
		tomcat.getConnector();
		tomcat.start();
		System.out.println("READY " + tomcat.getConnector().getLocalPort() + " "
				+ Runtime.getRuntime().maxMemory());
		System.out.flush();
		tomcat.getServer().await();
	}

	/** The bytes of {@link StoredFileServingEndToEndTests#content(int)}, generated without holding them. */
	static final class PatternInputStream extends InputStream {

		private final long size;

		private long position;

		PatternInputStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			long i = this.position++;
			return (int) ((i * 31 + (i >> 8)) & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.size) {
				return -1;
			}
			int n = (int) Math.min(length, this.size - this.position);
			for (int k = 0; k < n; k++) {
				long i = this.position++;
				buffer[offset + k] = (byte) (i * 31 + (i >> 8));
			}
			return n;
		}

	}

}
