package io.github.hardening.sanitize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The named HTML policies, built on OWASP java-html-sanitizer: the built-ins and the ones the application
 * defines. No built-in allows {@code <style>} or {@code style=}.
 */
public class HtmlPolicies {

	private static final boolean[] INERT_ASCII = inertAscii();

	private final Map<String, Policy> policies;

	/**
	 * Creates the policies. Custom policies always go through OWASP, as they may process text.
	 * @param custom policies the application defines, by name; a name of a built-in is refused by the mapper
	 */
	public HtmlPolicies(Map<String, PolicyFactory> custom) {
		this(custom, false);
	}

	/**
	 * Creates the policies.
	 * @param custom policies the application defines, by name
	 * @param customPlainTextAsIs whether the custom policies were built from elements, attributes and protocols
	 * only, as {@link HtmlPolicyMapper} builds them (no text processors)
	 */
	HtmlPolicies(Map<String, PolicyFactory> custom, boolean customPlainTextAsIs) {
		Map<String, Policy> all = new LinkedHashMap<>();
		builtIns().forEach((name, factory) -> all.put(name, new Policy(factory, true)));
		custom.forEach((name, factory) -> all.put(name, new Policy(factory, customPlainTextAsIs)));
		this.policies = Collections.unmodifiableMap(all);
	}

	/**
	 * Returns the built-in policies.
	 * @return {@code none}, {@code formatting}, {@code basic} and {@code rich}
	 */
	public static Map<String, PolicyFactory> builtIns() {
		Map<String, PolicyFactory> builtIns = new LinkedHashMap<>();
		// No element allowed: tags go, their text stays, entities are encoded correctly.
		builtIns.put("none", new HtmlPolicyBuilder().toFactory());
		builtIns.put("formatting", Sanitizers.FORMATTING);
		PolicyFactory basic = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(links());
		builtIns.put("basic", basic);
		builtIns.put("rich", basic.and(Sanitizers.TABLES).and(httpsImages()));
		return builtIns;
	}

	static PolicyFactory links() {
		return new HtmlPolicyBuilder().allowElements("a")
			.allowAttributes("href")
			.onElements("a")
			.allowUrlProtocols("https", "http", "mailto")
			.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
			.toFactory();
	}

	private static PolicyFactory httpsImages() {
		return new HtmlPolicyBuilder().allowElements("img")
			.allowUrlProtocols("https")
			.allowAttributes("src")
			.matching((element, attribute, value) -> value.regionMatches(true, 0, "https://", 0, 8) ? value : null)
			.onElements("img")
			.allowAttributes("alt", "width", "height", "title")
			.onElements("img")
			.toFactory();
	}

	/**
	 * Tells whether a policy exists.
	 * @param name the policy name
	 * @return whether it is known
	 */
	public boolean contains(String name) {
		return this.policies.containsKey(name);
	}

	/**
	 * Returns the names of every policy.
	 * @return the names, built-ins first
	 */
	public Set<String> names() {
		return this.policies.keySet();
	}

	/**
	 * Sanitises HTML with a policy.
	 * @param policy the policy name
	 * @param html the untrusted HTML, may be {@code null}
	 * @return the sanitised HTML
	 * @throws IllegalArgumentException when the policy is unknown
	 */
	public String sanitize(String policy, String html) {
		if (html == null) {
			return null;
		}
		Policy found = find(policy);
		return (found.plainTextAsIs() && isInertText(html)) ? html : found.factory().sanitize(html);
	}

	// Text made only of characters OWASP passes through unchanged (letters, digits, whitespace, ASCII
	// punctuation other than " & ' + < = > @ ` {) has no markup and no entity: a policy built from elements,
	// attributes and protocols alone (no text processors) returns it as is, after about 2 us and 4.6 KB of
	// parsing and table copies. HtmlPoliciesTests checks every such character, and random text of them,
	// against OWASP.
	static boolean isInertText(String text) {
		for (int i = 0, length = text.length(); i < length; i++) {
			char c = text.charAt(i);
			// From U+FE70 on (Arabic presentation forms, full-width letters) OWASP writes letters as references.
			if ((c < 0x80) ? !INERT_ASCII[c] : (c >= 0xFE70 || !Character.isLetterOrDigit(c))) {
				return false;
			}
		}
		return true;
	}

	private static boolean[] inertAscii() {
		boolean[] inert = new boolean[0x80];
		for (char c = ' '; c < 0x7F; c++) {
			// OWASP breaks "{{" (client-side template syntax) with a comment, so '{' is not inert either.
			inert[c] = "\"&'+<=>@`{".indexOf(c) < 0;
		}
		inert['\t'] = true;
		inert['\n'] = true;
		inert['\r'] = true;
		return inert;
	}

	/**
	 * Returns one policy.
	 * @param name the policy name
	 * @return the policy
	 * @throws IllegalArgumentException when the policy is unknown
	 */
	public PolicyFactory get(String name) {
		return find(name).factory();
	}

	private Policy find(String name) {
		Policy policy = this.policies.get(name);
		if (policy == null) {
			throw new IllegalArgumentException(unknown(name, names()));
		}
		return policy;
	}

	static String unknown(String name, Set<String> known) {
		return "Unknown HTML policy '" + name + "'. Known policies: " + known
				+ "; define it under hardening.sanitize.html.policies." + name + " or use one of those.";
	}

	/**
	 * One named policy, and whether it returns text without markup as it is, so that such text is not parsed.
	 */
	private record Policy(PolicyFactory factory, boolean plainTextAsIs) {
	}

}
