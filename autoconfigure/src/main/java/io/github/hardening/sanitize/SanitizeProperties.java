package io.github.hardening.sanitize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Input sanitization: text normalisation of JSON strings, parameters and path variables, HTML policies.
 */
@ConfigurationProperties("hardening.sanitize")
public class SanitizeProperties {

	/**
	 * Whether input sanitization is active.
	 */
	private boolean enabled = true;

	/**
	 * Normalisation of text read from JSON bodies, request parameters and path variables.
	 */
	private final Text text = new Text();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Text getText() {
		return this.text;
	}

	/**
	 * Normalisation of text read from JSON bodies, request parameters and path variables.
	 */
	public static class Text {

		/**
		 * What happens to text that needs normalising: normalize it, reject it with 400, or leave it alone.
		 */
		private TextMode mode = TextMode.NORMALIZE;

		/**
		 * Unicode normalisation form applied after control and bidi characters are removed.
		 */
		private TextNormalizer.Form form = TextNormalizer.Form.NFC;

		/**
		 * Whether strings in JSON request bodies read by the application's ObjectMapper are normalised.
		 */
		private boolean json = true;

		/**
		 * Whether request parameters, path variables and model attribute fields bound by Spring MVC are
		 * normalised.
		 */
		private boolean parameters = true;

		public TextMode getMode() {
			return this.mode;
		}

		public void setMode(TextMode mode) {
			this.mode = mode;
		}

		public TextNormalizer.Form getForm() {
			return this.form;
		}

		public void setForm(TextNormalizer.Form form) {
			this.form = form;
		}

		public boolean isJson() {
			return this.json;
		}

		public void setJson(boolean json) {
			this.json = json;
		}

		public boolean isParameters() {
			return this.parameters;
		}

		public void setParameters(boolean parameters) {
			this.parameters = parameters;
		}

	}

}
