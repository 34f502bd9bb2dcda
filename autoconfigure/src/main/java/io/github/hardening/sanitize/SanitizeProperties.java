package io.github.hardening.sanitize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * HTML sanitising of fields annotated with @SanitizedHtml.
	 */
	private final Html html = new Html();

	/**
	 * Suspicious-input detector: attack signatures in parameters and JSON strings.
	 */
	private final Detector detector = new Detector();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Text getText() {
		return this.text;
	}

	public Html getHtml() {
		return this.html;
	}

	public Detector getDetector() {
		return this.detector;
	}

	/**
	 * Suspicious-input detector: attack signatures in parameters and JSON strings.
	 */
	public static class Detector {

		/**
		 * What a match does: report (count and log, request unchanged), block (403) or off.
		 */
		private DetectorMode mode = DetectorMode.REPORT;

		/**
		 * Mode by path pattern, overriding the default mode; the first matching pattern wins.
		 */
		private Map<String, DetectorMode> paths = new LinkedHashMap<>();

		public DetectorMode getMode() {
			return this.mode;
		}

		public void setMode(DetectorMode mode) {
			this.mode = mode;
		}

		public Map<String, DetectorMode> getPaths() {
			return this.paths;
		}

		public void setPaths(Map<String, DetectorMode> paths) {
			this.paths = paths;
		}

	}

	/**
	 * HTML sanitising of fields annotated with @SanitizedHtml.
	 */
	public static class Html {

		/**
		 * Policies the application defines, by name, in addition to the built-in none, formatting, basic and
		 * rich.
		 */
		private Map<String, HtmlPolicy> policies = new LinkedHashMap<>();

		public Map<String, HtmlPolicy> getPolicies() {
			return this.policies;
		}

		public void setPolicies(Map<String, HtmlPolicy> policies) {
			this.policies = policies;
		}

	}

	/**
	 * One HTML policy defined by the application.
	 */
	public static class HtmlPolicy {

		/**
		 * Elements kept, such as p, b, a; everything else is removed with its text kept.
		 */
		private List<String> elements = new ArrayList<>();

		/**
		 * Attributes kept, by element, such as a: href, title.
		 */
		private Map<String, List<String>> attributes = new LinkedHashMap<>();

		/**
		 * URL protocols allowed in URL attributes such as href and src.
		 */
		private List<String> protocols = new ArrayList<>(List.of("https"));

		public List<String> getElements() {
			return this.elements;
		}

		public void setElements(List<String> elements) {
			this.elements = elements;
		}

		public Map<String, List<String>> getAttributes() {
			return this.attributes;
		}

		public void setAttributes(Map<String, List<String>> attributes) {
			this.attributes = attributes;
		}

		public List<String> getProtocols() {
			return this.protocols;
		}

		public void setProtocols(List<String> protocols) {
			this.protocols = protocols;
		}

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
