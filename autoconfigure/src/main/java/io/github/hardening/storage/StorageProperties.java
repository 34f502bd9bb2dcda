package io.github.hardening.storage;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Safe local storage of uploaded files and their serving.
 */
@ConfigurationProperties("hardening.storage")
public class StorageProperties {

	/**
	 * Whether the file storage is available.
	 */
	private boolean enabled = true;

	/**
	 * Folder stored files are kept in; created on the first upload.
	 */
	private String root = "./data/uploads";

	/**
	 * Largest file accepted; a larger upload is refused with 413 and nothing is kept.
	 */
	private DataSize maxFileSize = DataSize.ofMegabytes(100);

	/**
	 * Media types served inline (shown by the browser); every other type is served as a download.
	 */
	private List<String> inlineTypes = new ArrayList<>(
			List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRoot() {
		return this.root;
	}

	public void setRoot(String root) {
		this.root = root;
	}

	public DataSize getMaxFileSize() {
		return this.maxFileSize;
	}

	public void setMaxFileSize(DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	public List<String> getInlineTypes() {
		return this.inlineTypes;
	}

	public void setInlineTypes(List<String> inlineTypes) {
		this.inlineTypes = inlineTypes;
	}

}
