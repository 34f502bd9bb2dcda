package io.github.hardening.core;

/**
 * How the startup audit treats its findings.
 */
public enum HardeningMode {

	/** Log every finding once and start anyway. */
	WARN,

	/** Refuse to start while there is any finding, listing all of them. */
	STRICT

}
