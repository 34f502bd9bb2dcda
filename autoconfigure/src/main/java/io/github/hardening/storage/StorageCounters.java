package io.github.hardening.storage;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.LocalHardeningMetrics;

/**
 * The counters of storing and serving files, created once at startup: files and bytes stored, uploads refused,
 * responses by outcome and bytes served.
 */
public class StorageCounters {

	/** Files stored. */
	public static final String FILES_STORED = "hardening.storage.files.stored";

	/** Bytes of the files stored. */
	public static final String BYTES_STORED = "hardening.storage.stored.bytes";

	/** Uploads refused, by reason. */
	public static final String UPLOADS_REFUSED = "hardening.storage.uploads.refused";

	/** Responses serving a stored file, by outcome. */
	public static final String RESPONSES = "hardening.storage.responses";

	/** Body bytes of stored files sent, whole files and ranges. */
	public static final String BYTES_SERVED = "hardening.storage.served.bytes";

	private final HardeningCounter filesStored;

	private final HardeningCounter bytesStored;

	private final HardeningCounter refusedTooLarge;

	private final HardeningCounter bytesServed;

	private final Map<Outcome, HardeningCounter> responses = new EnumMap<>(Outcome.class);

	/**
	 * Creates the counters.
	 * @param metrics where they are registered
	 */
	public StorageCounters(HardeningMetrics metrics) {
		this.filesStored = metrics.counter(FILES_STORED, "Files stored");
		this.bytesStored = metrics.counter(BYTES_STORED, "Bytes of the files stored");
		this.refusedTooLarge = metrics.counter(UPLOADS_REFUSED, "Uploads refused, by reason", "reason", "too-large");
		this.bytesServed = metrics.counter(BYTES_SERVED, "Body bytes of stored files sent");
		for (Outcome outcome : Outcome.values()) {
			this.responses.put(outcome, metrics.counter(RESPONSES, "Responses serving a stored file, by outcome",
					"outcome", outcome.tag()));
		}
	}

	/**
	 * Counters kept in memory only, for storage created outside the auto-configuration.
	 * @return new counters
	 */
	public static StorageCounters local() {
		return new StorageCounters(new LocalHardeningMetrics());
	}

	void stored(StoredFile file) {
		this.filesStored.increment();
		this.bytesStored.increment(file.size());
	}

	void refusedTooLarge() {
		this.refusedTooLarge.increment();
	}

	void responded(Outcome outcome) {
		this.responses.get(outcome).increment();
	}

	void served(long bytes) {
		this.bytesServed.increment(bytes);
	}

	Map<String, Object> snapshot() {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("files-stored", (long) this.filesStored.count());
		counts.put("bytes-stored", (long) this.bytesStored.count());
		counts.put("uploads-refused-too-large", (long) this.refusedTooLarge.count());
		this.responses.forEach((outcome, counter) -> counts.put("responses-" + outcome.tag(), (long) counter.count()));
		counts.put("bytes-served", (long) this.bytesServed.count());
		return counts;
	}

	/**
	 * How a request for a stored file was answered, the {@code outcome} tag of {@code hardening.storage.responses}.
	 */
	public enum Outcome {

		/** 200: the whole file (or its headers, for HEAD). */
		FULL,

		/** 206: one or several byte ranges. */
		PARTIAL,

		/** 304: the client's copy is current. */
		NOT_MODIFIED,

		/** 416: no requested range lies within the file. */
		NOT_SATISFIABLE;

		/**
		 * Returns the tag value, e.g. {@code not-modified}.
		 * @return the kebab-case name
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
