package io.github.hardening.sanitize;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects an upload's real type from its first bytes with Apache Tika (never from the name or the
 * client's {@code Content-Type}), and tells whether a file name's extension fits that type.
 */
public class UploadTypeDetector {

	private final Tika tika = new Tika();

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	private final MediaTypeRegistry registry = this.types.getMediaTypeRegistry();

	/**
	 * Detects the type from the content only.
	 * @param content the upload; read from its start (Tika marks and resets as it needs)
	 * @return the media type without parameters, e.g. {@code image/png}; {@code application/octet-stream}
	 * when unknown
	 * @throws IOException when the content cannot be read
	 */
	public String detect(InputStream content) throws IOException {
		return MediaType.parse(this.tika.detect(content)).getBaseType().toString();
	}

	/**
	 * Tells whether the extension of a file name is one of the detected type's, or names a type that is a
	 * specialisation of it (a {@code .csv} file detected as {@code text/plain}).
	 * @param filename the (sanitised) file name
	 * @param detectedType the type detected from the content
	 * @return whether they fit; {@code false} for a name without extension
	 */
	public boolean extensionMatches(String filename, String detectedType) {
		String extension = extension(filename);
		if (extension.isEmpty()) {
			return false;
		}
		try {
			MimeType detected = this.types.forName(detectedType);
			if (detected.getExtensions().contains(extension)) {
				return true;
			}
		}
		catch (MimeTypeException ex) {
			return false;
		}
		MediaType byName = MediaType.parse(this.tika.detect(filename));
		MediaType byContent = MediaType.parse(detectedType);
		return byName != null && byContent != null && !MediaType.OCTET_STREAM.equals(byName)
				&& (byName.equals(byContent) || this.registry.isSpecializationOf(byName, byContent));
	}

	/**
	 * Returns the extension of a file name, lower case, with its dot.
	 * @param filename the name
	 * @return e.g. {@code .png}, or empty
	 */
	public static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return (dot > 0 && dot < filename.length() - 1) ? filename.substring(dot).toLowerCase(Locale.ROOT) : "";
	}

}
