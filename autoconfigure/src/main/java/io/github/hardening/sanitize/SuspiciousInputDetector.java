package io.github.hardening.sanitize;

import java.util.regex.Pattern;

/**
 * Signatures of common injection attempts. A detector, not a defence: it exists to see probing in metrics
 * and logs. Parameterised queries, output encoding and HTML sanitising are what stop the attacks; blocking
 * on these signatures is opt-in because words such as "select" appear in real text.
 */
public class SuspiciousInputDetector {

	static final int SCRIPT_BIT = 1;

	private static final int SQL_BIT = 2;

	private static final int TRAVERSAL_BIT = 4;

	private static final int COMMAND_BIT = 8;

	static final Pattern SCRIPT = Pattern.compile(
			"(?i)<\\s*/?\\s*script\\b|(?:java|vb)script\\s*:|<[^>]*\\son[a-z]+\\s*=|<\\s*(?:iframe|object|embed|svg)\\b");

	static final Pattern SQL = Pattern.compile("(?i)\\bunion\\s+(?:all\\s+)?select\\b"
			+ "|'\\s*\\)?\\s*or\\s+'?[\\w]+'?\\s*=\\s*'?[\\w]+|;\\s*(?:drop|truncate|alter)\\s+(?:table|database)\\b"
			+ "|\\b(?:sleep|pg_sleep|benchmark)\\(\\s*\\d|\\bwaitfor\\s+delay\\s+'|'\\s*;?\\s*--");

	static final Pattern PATH_TRAVERSAL = Pattern
		.compile("(?i)(?:\\.\\.|%2e%2e|%2e\\.|\\.%2e)(?:[/\\\\]|%2f|%5c)|/etc/(?:passwd|shadow)\\b|\\\\windows\\\\system32");

	static final Pattern COMMAND = Pattern.compile(
			"(?i)(?:[;&|`]|\\$\\()\\s*(?:rm|cat|curl|wget|nc|ncat|bash|sh|zsh|powershell|cmd|id|whoami|uname)\\b"
					+ "|\\$\\([^)]*\\)|`[^`]+`");

	/**
	 * Returns the first kind of signature the value matches.
	 * @param value the untrusted value, may be {@code null}
	 * @return the kind, or {@code null} when none matches
	 */
	public SuspiciousKind detect(String value) {
		int possible = (value != null) ? possibleKinds(value) : 0;
		if (possible == 0) {
			return null;
		}
		if ((possible & SCRIPT_BIT) != 0 && SCRIPT.matcher(value).find()) {
			return SuspiciousKind.SCRIPT;
		}
		if ((possible & TRAVERSAL_BIT) != 0 && PATH_TRAVERSAL.matcher(value).find()) {
			return SuspiciousKind.PATH_TRAVERSAL;
		}
		if ((possible & SQL_BIT) != 0 && SQL.matcher(value).find()) {
			return SuspiciousKind.SQL;
		}
		if ((possible & COMMAND_BIT) != 0 && COMMAND.matcher(value).find()) {
			return SuspiciousKind.COMMAND;
		}
		return null;
	}

	// One scan tells which signatures could match at all, so that ordinary values (and paths such as
	// /api/search) are dismissed without running, or allocating, a regex.
	static int possibleKinds(String value) {
		int possible = 0;
		boolean tag = false;
		boolean assignment = false;
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '<' -> {
					possible |= SCRIPT_BIT;
					tag = true;
				}
				case ':' -> possible |= SCRIPT_BIT;
				case '=' -> assignment = true;
				case '\'', '(' -> possible |= SQL_BIT;
				case ';' -> possible |= SQL_BIT | COMMAND_BIT;
				case '|', '`', '$', '&' -> possible |= COMMAND_BIT;
				case '\\' -> possible |= TRAVERSAL_BIT;
				case '.' -> possible |= (i + 1 < length && value.charAt(i + 1) == '.') ? TRAVERSAL_BIT : 0;
				case '%' -> possible |= (i + 2 < length && value.charAt(i + 1) == '2'
						&& (value.charAt(i + 2) == 'e' || value.charAt(i + 2) == 'E')) ? TRAVERSAL_BIT : 0;
				case '/' -> possible |= value.startsWith("/etc/", i) ? TRAVERSAL_BIT : 0;
				case 'u', 'U' -> possible |= value.regionMatches(true, i, "union", 0, 5) ? SQL_BIT : 0;
				default -> {
				}
			}
		}
		if ((possible & SCRIPT_BIT) != 0 && !scriptPossible(value, tag, assignment)) {
			possible &= ~SCRIPT_BIT;
		}
		return possible;
	}

	// Every script signature needs the word "script", or a tag with an attribute assignment (on...=) or one
	// naming iframe, object, embed or svg: plain markup such as <p> or <b> then never reaches the regex.
	// One pass looks at each word's possible first letter (ASCII, as the pattern's (?i) is ASCII) and only
	// there compares the word; Unicode case folding in the rest finds more than the pattern, never less.
	private static boolean scriptPossible(String value, boolean tag, boolean assignment) {
		if (tag && assignment) {
			return true;
		}
		for (int i = 0, length = value.length(); i < length; i++) {
			boolean found = switch (value.charAt(i) | 0x20) {
				case 's' -> startsWithWord(value, i, "script") || (tag && startsWithWord(value, i, "svg"));
				case 'i' -> tag && startsWithWord(value, i, "iframe");
				case 'o' -> tag && startsWithWord(value, i, "object");
				case 'e' -> tag && startsWithWord(value, i, "embed");
				default -> false;
			};
			if (found) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithWord(String value, int index, String word) {
		return value.regionMatches(true, index, word, 0, word.length());
	}

}
