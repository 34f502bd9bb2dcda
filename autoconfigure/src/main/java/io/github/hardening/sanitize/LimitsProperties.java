package io.github.hardening.sanitize;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request limits: body size, JSON parser limits, and the server defaults a hardened service wants.
 */
@ConfigurationProperties("hardening.limits")
public class LimitsProperties {

	/**
	 * Whether request limits are enforced.
	 */
	private boolean enabled = true;

	/**
	 * Largest request body accepted, multipart uploads excepted; enforced while reading, so it also holds
	 * for chunked bodies.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Whether hardened server defaults (connection timeout, keep-alive, header and form sizes) are applied
	 * where the application sets none of its own.
	 */
	private boolean serverDefaults = true;

	/**
	 * Limits of the JSON parser of the application's ObjectMapper.
	 */
	private final Json json = new Json();

	/**
	 * Checks of multipart uploads; sizes are set with spring.servlet.multipart.*.
	 */
	private final Multipart multipart = new Multipart();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public boolean isServerDefaults() {
		return this.serverDefaults;
	}

	public void setServerDefaults(boolean serverDefaults) {
		this.serverDefaults = serverDefaults;
	}

	public Json getJson() {
		return this.json;
	}

	public Multipart getMultipart() {
		return this.multipart;
	}

	/**
	 * Checks of multipart uploads: allowed extensions and content types detected from the bytes.
	 */
	public static class Multipart {

		/**
		 * Whether uploaded files are checked: type detected from content, extension fitting that type.
		 */
		private boolean enabled = true;

		/**
		 * File name extensions accepted, such as png, pdf; any when empty.
		 */
		private List<String> allowedExtensions = new ArrayList<>();

		/**
		 * Media types accepted, as detected from the content, such as image/png; any when empty.
		 */
		private List<String> allowedTypes = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getAllowedExtensions() {
			return this.allowedExtensions;
		}

		public void setAllowedExtensions(List<String> allowedExtensions) {
			this.allowedExtensions = allowedExtensions;
		}

		public List<String> getAllowedTypes() {
			return this.allowedTypes;
		}

		public void setAllowedTypes(List<String> allowedTypes) {
			this.allowedTypes = allowedTypes;
		}

	}

	/**
	 * Limits of the JSON parser of the application's ObjectMapper (Jackson StreamReadConstraints).
	 */
	public static class Json {

		/**
		 * Deepest nesting of arrays and objects.
		 */
		private int maxNestingDepth = 64;

		/**
		 * Longest string value, in characters.
		 */
		private int maxStringLength = 1_000_000;

		/**
		 * Longest number, in digits.
		 */
		private int maxNumberLength = 100;

		/**
		 * Longest property name, in characters.
		 */
		private int maxNameLength = 1000;

		/**
		 * Largest document, in bytes; unlimited when not set (the body size limit still applies).
		 */
		private DataSize maxDocumentLength;

		/**
		 * Most tokens in one document; unlimited when not set.
		 */
		private Long maxTokenCount;

		public int getMaxNestingDepth() {
			return this.maxNestingDepth;
		}

		public void setMaxNestingDepth(int maxNestingDepth) {
			this.maxNestingDepth = maxNestingDepth;
		}

		public int getMaxStringLength() {
			return this.maxStringLength;
		}

		public void setMaxStringLength(int maxStringLength) {
			this.maxStringLength = maxStringLength;
		}

		public int getMaxNumberLength() {
			return this.maxNumberLength;
		}

		public void setMaxNumberLength(int maxNumberLength) {
			this.maxNumberLength = maxNumberLength;
		}

		public int getMaxNameLength() {
			return this.maxNameLength;
		}

		public void setMaxNameLength(int maxNameLength) {
			this.maxNameLength = maxNameLength;
		}

		public DataSize getMaxDocumentLength() {
			return this.maxDocumentLength;
		}

		public void setMaxDocumentLength(DataSize maxDocumentLength) {
			this.maxDocumentLength = maxDocumentLength;
		}

		public Long getMaxTokenCount() {
			return this.maxTokenCount;
		}

		public void setMaxTokenCount(Long maxTokenCount) {
			this.maxTokenCount = maxTokenCount;
		}

	}

}
