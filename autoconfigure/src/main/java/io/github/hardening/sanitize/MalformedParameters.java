package io.github.hardening.sanitize;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletRequest;

/**
 * What {@link ParameterEncodingFilter} found in one request: the names of query and form parameters whose
 * percent-encoding is broken or whose bytes are not well-formed in their charset. Kept as a request attribute
 * until the handler is known.
 */
final class MalformedParameters {

	static final String ATTRIBUTE = MalformedParameters.class.getName();

	private final List<String> names = new ArrayList<>(2);

	private boolean formPending;

	static MalformedParameters of(ServletRequest request) {
		return (MalformedParameters) request.getAttribute(ATTRIBUTE);
	}

	void addParameter(String name) {
		if (!this.names.contains(name)) {
			this.names.add(name);
		}
	}

	List<String> parameterNames() {
		return this.names;
	}

	/** Whether a form body is still to be parsed; the check then asks for the parameters first. */
	boolean isFormPending() {
		return this.formPending;
	}

	void setFormPending(boolean formPending) {
		this.formPending = formPending;
	}

	boolean isEmpty() {
		return this.names.isEmpty();
	}

}
