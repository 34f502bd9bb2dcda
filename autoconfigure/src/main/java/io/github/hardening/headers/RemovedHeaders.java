package io.github.hardening.headers;

import java.util.Collection;

/**
 * The names of headers that are never sent. Consulted on every header the application sets, so the check
 * is a length comparison for almost every name.
 */
final class RemovedHeaders {

	private final String[] names;

	RemovedHeaders(Collection<String> names) {
		this.names = names.toArray(String[]::new);
	}

	boolean contains(String name) {
		for (String removed : this.names) {
			if (removed.length() == name.length() && removed.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
