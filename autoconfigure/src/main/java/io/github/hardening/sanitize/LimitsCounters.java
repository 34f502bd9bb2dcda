package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * The {@code hardening.limits.rejected} counters, by the kind of limit: {@code body}, {@code json}, {@code upload-type}, {@code upload-size}.
 */
public class LimitsCounters {

	/** Name of the metric. */
	public static final String METRIC = "hardening.limits.rejected";

	private final HardeningCounter body;

	private final HardeningCounter json;

	private final HardeningCounter uploadType;

	private final HardeningCounter uploadSize;

	/**
	 * Creates the counters.
	 * @param metrics where they are registered
	 */
	public LimitsCounters(HardeningMetrics metrics) {
		this.body = metrics.counter(METRIC, "Requests refused for exceeding a limit", "limit", "body");
		this.json = metrics.counter(METRIC, "Requests refused for exceeding a limit", "limit", "json");
		this.uploadType = metrics.counter(METRIC, "Requests refused for exceeding a limit", "limit", "upload-type");
		this.uploadSize = metrics.counter(METRIC, "Requests refused for exceeding a limit", "limit", "upload-size");
	}

	/**
	 * Returns the counter of bodies over the size limit.
	 * @return the counter
	 */
	public HardeningCounter body() {
		return this.body;
	}

	/**
	 * Returns the counter of JSON documents over a parser limit.
	 * @return the counter
	 */
	public HardeningCounter json() {
		return this.json;
	}

	/**
	 * Returns the counter of uploads refused for their type.
	 * @return the counter
	 */
	public HardeningCounter uploadType() {
		return this.uploadType;
	}

	/**
	 * Returns the counter of uploads refused for their size or part count.
	 * @return the counter
	 */
	public HardeningCounter uploadSize() {
		return this.uploadSize;
	}

	/**
	 * Returns the counts so far.
	 * @return counts by limit kind
	 */
	public Map<String, Object> counts() {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("body", (long) this.body.count());
		counts.put("json", (long) this.json.count());
		counts.put("upload-type", (long) this.uploadType.count());
		counts.put("upload-size", (long) this.uploadSize.count());
		return counts;
	}

}
