package io.github.hardening.sanitize;

/**
 * The kinds of attack signature the suspicious-input detector knows.
 */
public enum SuspiciousKind {

	/** Script injection: script elements, event handlers, script URLs. */
	SCRIPT("script"),

	/** SQL injection: UNION SELECT, quote-OR tautologies, stacked DROP, time delays, quote-comment. */
	SQL("sql"),

	/** Path traversal: dot-dot segments, encoded or not, well-known system files. */
	PATH_TRAVERSAL("path-traversal"),

	/** Command injection: shell separators followed by commands, command substitution. */
	COMMAND("command");

	private final String tag;

	SuspiciousKind(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the metric tag and report name.
	 * @return e.g. {@code path-traversal}
	 */
	public String tag() {
		return this.tag;
	}

}
