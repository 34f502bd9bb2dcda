package io.github.hardening.sanitize;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an untrusted file name (an upload's name, a path segment) into a plain name that is safe on Linux,
 * macOS and Windows file systems: never a separator, never {@code .} or {@code ..}, never a reserved device
 * name, at most 255 UTF-8 bytes.
 */
public final class SafeFilenames {

	/** Longest name most file systems accept, in UTF-8 bytes. */
	public static final int MAX_BYTES = 255;

	// An "extension" longer than this is not kept whole when the name is shortened.
	private static final int MAX_EXTENSION_BYTES = 32;

	private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
			"COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
			"LPT9");

	private SafeFilenames() {
	}

	/**
	 * Sanitises a file name: percent-decodes it once, keeps the part after the last {@code /} or {@code \},
	 * applies NFC, removes control characters (tab and line breaks too) and bidirectional formatting characters, replaces characters Windows
	 * forbids ({@code < > : " | ? *}) and the {@code %} of any escape left after decoding with {@code _}, trims spaces and trailing dots, prefixes reserved device
	 * names with {@code _} and shortens the name to 255 UTF-8 bytes, keeping the extension.
	 * @param untrusted the name as received
	 * @return a safe name, never empty
	 * @throws UnsafePathException when nothing usable is left (empty, {@code .}, {@code ..})
	 */
	public static String sanitize(String untrusted) {
		if (untrusted == null) {
			throw new UnsafePathException("A file name is required.");
		}
		// Decoding once, before the checks, means an encoded "%2e%2e%2f" is checked as "../".
		String name = Normalizer.normalize(percentDecodeOnce(untrusted), Normalizer.Form.NFC);
		name = basename(name);
		name = withoutEscapes(clean(name));
		name = trim(name);
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw new UnsafePathException("The file name is empty or is not a name.");
		}
		if (isReserved(name)) {
			name = "_" + name;
		}
		if (utf8Length(name) > MAX_BYTES) {
			name = trim(shorten(name));
			if (name.isEmpty()) {
				throw new UnsafePathException("The file name is empty or is not a name.");
			}
		}
		return name;
	}

	/**
	 * Tells whether a name is a Windows reserved device name, with or without extension, in any case.
	 * @param name a base name
	 * @return whether it is reserved
	 */
	public static boolean isReserved(String name) {
		int dot = name.indexOf('.');
		String stem = ((dot >= 0) ? name.substring(0, dot) : name).trim().toUpperCase(Locale.ROOT);
		return RESERVED.contains(stem);
	}

	static String percentDecodeOnce(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		StringBuilder out = new StringBuilder(value.length());
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			int hi = (c == '%' && i + 2 < value.length()) ? hex(value.charAt(i + 1)) : -1;
			int lo = (hi >= 0) ? hex(value.charAt(i + 2)) : -1;
			if (hi >= 0 && lo >= 0) {
				bytes.write((hi << 4) | lo);
				i += 3;
				continue;
			}
			flush(bytes, out);
			out.append(c);
			i++;
		}
		flush(bytes, out);
		return out.toString();
	}

	private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
		if (bytes.size() > 0) {
			// Malformed UTF-8 becomes U+FFFD rather than an exception: the name stays usable.
			out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
			bytes.reset();
		}
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

	private static String basename(String name) {
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		return (slash >= 0) ? name.substring(slash + 1) : name;
	}

	private static String clean(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 0x20 || TextCharacters.isControl(c) || TextCharacters.isBidiControl(c)) {
				continue;
			}
			if (Character.isSurrogate(c) && !isPairedAt(name, i)) {
				continue;
			}
			out.append(isForbiddenOnWindows(c) ? '_' : c);
		}
		return out.toString();
	}

	// A '%' that starts an escape would let the next layer that decodes once (a URL path, a proxy, a second
	// sanitise) turn "%2e%2e%2f" into "../"; after decoding once and cleaning, no escape may be left. Found by
	// the fuzz test: removing control characters can itself join "%2" and "f" into an escape.
	private static String withoutEscapes(String name) {
		if (name.indexOf('%') < 0) {
			return name;
		}
		StringBuilder out = new StringBuilder(name);
		for (int i = 0; i + 2 < out.length(); i++) {
			if (out.charAt(i) == '%' && hex(out.charAt(i + 1)) >= 0 && hex(out.charAt(i + 2)) >= 0) {
				out.setCharAt(i, '_');
			}
		}
		return out.toString();
	}

	private static boolean isPairedAt(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
	}

	private static boolean isForbiddenOnWindows(char c) {
		return c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' || c == '*';
	}

	private static String trim(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && Character.isWhitespace(name.charAt(start))) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
			end--;
		}
		return name.substring(start, end);
	}

	private static String shorten(String name) {
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0) ? name.substring(dot) : "";
		if (utf8Length(extension) > MAX_EXTENSION_BYTES) {
			extension = "";
		}
		String stem = name.substring(0, name.length() - extension.length());
		int budget = MAX_BYTES - utf8Length(extension);
		StringBuilder out = new StringBuilder();
		int used = 0;
		for (int i = 0; i < stem.length();) {
			int cp = stem.codePointAt(i);
			int size = utf8Length(new String(Character.toChars(cp)));
			if (used + size > budget) {
				break;
			}
			out.appendCodePoint(cp);
			used += size;
			i += Character.charCount(cp);
		}
		return out + extension;
	}

	static int utf8Length(String s) {
		int bytes = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
