package io.github.hardening.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.Tika;

/**
 * Detects types with Apache Tika's magic bytes and name rules.
 */
public class TikaContentTypeDetector implements ContentTypeDetector {

	private final Tika tika = new Tika();

	@Override
	public String detect(Path file, String filename) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return this.tika.detect(in, filename);
		}
	}

}
