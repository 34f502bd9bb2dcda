package io.github.hardening.sanitize;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.RequestIds;

/**
 * Applies the detector to one value of the current request: counts the match in
 * {@code hardening.sanitize.suspicious{kind}}, and either throws (block) or remembers it for the one log
 * line the filter writes when the request ends (report).
 */
public class SuspiciousInputFindings {

	/** Name of the metric. */
	public static final String METRIC = "hardening.sanitize.suspicious";

	static final String MODE_ATTRIBUTE = SuspiciousInputFindings.class.getName() + ".mode";

	static final String FINDINGS_ATTRIBUTE = SuspiciousInputFindings.class.getName() + ".findings";

	private static final Log logger = LogFactory.getLog(SuspiciousInputFindings.class);

	private final SuspiciousInputDetector detector;

	private final Map<SuspiciousKind, HardeningCounter> counters = new EnumMap<>(SuspiciousKind.class);

	/**
	 * Creates the findings recorder.
	 * @param detector the signatures
	 * @param metrics where the counters are registered
	 */
	public SuspiciousInputFindings(SuspiciousInputDetector detector, HardeningMetrics metrics) {
		this.detector = detector;
		for (SuspiciousKind kind : SuspiciousKind.values()) {
			this.counters.put(kind, metrics.counter(METRIC, "Input values matching an attack signature", "kind",
					kind.tag()));
		}
	}

	/**
	 * Inspects one value of a request whose mode the filter has set.
	 * @param request the request
	 * @param where where the value came from, e.g. {@code parameter} (never the value itself)
	 * @param name the parameter or property name, or {@code null}
	 * @param value the value
	 * @throws SuspiciousInputException when it matches and the mode is block
	 */
	public void inspect(HttpServletRequest request, String where, String name, String value) {
		Object mode = request.getAttribute(MODE_ATTRIBUTE);
		if (mode == null || mode == DetectorMode.OFF) {
			return;
		}
		SuspiciousKind kind = this.detector.detect(value);
		if (kind == null) {
			return;
		}
		this.counters.get(kind).increment();
		// Described only on a match, so that inspecting clean values allocates nothing here.
		String finding = kind.tag() + " in " + where + ((name != null) ? " " + name : "");
		if (mode == DetectorMode.BLOCK) {
			log(request, List.of(finding), "blocked");
			throw new SuspiciousInputException(kind);
		}
		findings(request).add(finding);
	}

	/**
	 * Inspects a value read while Spring MVC handles the current request (a JSON string).
	 * @param where where the value came from
	 * @param name the property name, or {@code null}
	 * @param value the value
	 */
	public void inspectCurrentRequest(String where, String name, String value) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			inspect(servlet.getRequest(), where, name, value);
		}
	}

	/**
	 * Writes the one log line of a request in report mode, if anything was found.
	 * @param request the request
	 */
	public void logReported(HttpServletRequest request) {
		Object findings = request.getAttribute(FINDINGS_ATTRIBUTE);
		if (findings instanceof List<?> list && !list.isEmpty()) {
			log(request, list, "reported");
		}
	}

	/**
	 * Returns the counts so far.
	 * @return counts by kind tag
	 */
	public Map<String, Object> counts() {
		Map<String, Object> counts = new java.util.LinkedHashMap<>();
		this.counters.forEach((kind, counter) -> counts.put(kind.tag(), (long) counter.count()));
		return counts;
	}

	@SuppressWarnings("unchecked")
	private static List<String> findings(HttpServletRequest request) {
		Object findings = request.getAttribute(FINDINGS_ATTRIBUTE);
		if (findings instanceof List<?> list) {
			return (List<String>) list;
		}
		List<String> created = new ArrayList<>();
		request.setAttribute(FINDINGS_ATTRIBUTE, created);
		return created;
	}

	private static void log(HttpServletRequest request, List<?> findings, String outcome) {
		if (logger.isWarnEnabled()) {
			logger.warn("Suspicious input " + outcome + ": " + findings + " on " + request.getMethod() + " "
					+ request.getRequestURI() + " [requestId=" + RequestIds.get(request) + "]");
		}
	}

}
