package io.github.hardening.sanitize;

import java.util.regex.Pattern;

/**
 * Signatures of common injection attempts. A detector, not a defence: it exists to see probing in metrics
 * and logs. Parameterised queries, output encoding and HTML sanitising are what stop the attacks; blocking
 * on these signatures is opt-in because words such as "select" appear in real text.
 */
public class SuspiciousInputDetector {

	private static final Pattern SCRIPT = Pattern.compile(
			"(?i)<\\s*/?\\s*script\\b|(?:java|vb)script\\s*:|<[^>]*\\son[a-z]+\\s*=|<\\s*(?:iframe|object|embed|svg)\\b");

	private static final Pattern SQL = Pattern.compile("(?i)\\bunion\\s+(?:all\\s+)?select\\b"
			+ "|'\\s*\\)?\\s*or\\s+'?[\\w]+'?\\s*=\\s*'?[\\w]+|;\\s*(?:drop|truncate|alter)\\s+(?:table|database)\\b"
			+ "|\\b(?:sleep|pg_sleep|benchmark)\\(\\s*\\d|\\bwaitfor\\s+delay\\s+'|'\\s*;?\\s*--");

	private static final Pattern PATH_TRAVERSAL = Pattern
		.compile("(?i)(?:\\.\\.|%2e%2e|%2e\\.|\\.%2e)(?:[/\\\\]|%2f|%5c)|/etc/(?:passwd|shadow)\\b|\\\\windows\\\\system32");

	private static final Pattern COMMAND = Pattern.compile(
			"(?i)(?:[;&|`]|\\$\\()\\s*(?:rm|cat|curl|wget|nc|ncat|bash|sh|zsh|powershell|cmd|id|whoami|uname)\\b"
					+ "|\\$\\([^)]*\\)|`[^`]+`");

	/**
	 * Returns the first kind of signature the value matches.
	 * @param value the untrusted value, may be {@code null}
	 * @return the kind, or {@code null} when none matches
	 */
	public SuspiciousKind detect(String value) {
		if (value == null || !hasTrigger(value)) {
			return null;
		}
		if (SCRIPT.matcher(value).find()) {
			return SuspiciousKind.SCRIPT;
		}
		if (PATH_TRAVERSAL.matcher(value).find()) {
			return SuspiciousKind.PATH_TRAVERSAL;
		}
		if (SQL.matcher(value).find()) {
			return SuspiciousKind.SQL;
		}
		if (COMMAND.matcher(value).find()) {
			return SuspiciousKind.COMMAND;
		}
		return null;
	}

	// Every signature needs one of these characters or the word "union": most values are dismissed by one
	// scan, without a regex.
	private static boolean hasTrigger(String value) {
		for (int i = 0; i < value.length(); i++) {
			switch (value.charAt(i)) {
				case '<', '\'', ';', '|', '`', '$', '.', '%', '&', ':', '/', '\\', '(':
					return true;
				case 'u', 'U':
					if (value.regionMatches(true, i, "union", 0, 5)) {
						return true;
					}
					break;
				default:
					break;
			}
		}
		return false;
	}

}
