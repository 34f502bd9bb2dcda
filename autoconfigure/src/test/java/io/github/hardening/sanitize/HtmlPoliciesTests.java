package io.github.hardening.sanitize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.PolicyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlPoliciesTests {

	private static final List<String> BUILT_INS = List.of("none", "formatting", "basic", "rich");

	// Classic vectors and filter-evasion forms (case, encoding, broken markup, obscure elements).
	private static final List<String> XSS = List.of("<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
			"<img src=x onerror=alert(1)>", "<IMG SRC=\"javascript:alert('XSS');\">", "<img src=javascript:alert(1)>",
			"<IMG SRC=JaVaScRiPt:alert('XSS')>", "<img src=\"jav&#x09;ascript:alert(1)\">",
			"<img src=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">",
			"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"  JAVASCRIPT:alert(1)\">x</a>",
			"<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
			"<a href=\"java\0script:alert(1)\">x</a>", "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
			"<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>", "<a href=\"https://ok.example\" onmouseover=alert(1)>x</a>",
			"<body onload=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>",
			"<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<object data=\"javascript:alert(1)\"></object>",
			"<embed src=\"https://evil.example/x.swf\">", "<style>body{background:url(javascript:alert(1))}</style>",
			"<p style=\"background:url(javascript:alert(1))\">x</p>", "<div style=\"width: expression(alert(1))\">x</div>",
			"<base href=\"https://evil.example/\">", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<link rel=stylesheet href=\"https://evil.example/x.css\">", "<form action=\"https://evil.example\"><button>x</button></form>",
			"<button formaction=javascript:alert(1)>x</button>", "<input autofocus onfocus=alert(1)>",
			"<details open ontoggle=alert(1)>", "<video><source onerror=alert(1)></video>", "<<script>alert(1)//<</script>",
			"<scr<script>ipt>alert(1)</scr</script>ipt>", "<img \"\"\"><script>alert(1)</script>\">",
			"<a href=\"https://ok.example\"/onclick=alert(1)>x</a>", "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
			"<td background=javascript:alert(1)>x</td>", "<img src=\"http://insecure.example/x.png\">",
			"<img src=\"https://ok.example/x.png\" onerror=alert(1)>", "<!--<img src=x onerror=alert(1)>-->",
			"<![CDATA[<script>alert(1)</script>]]>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
			"<template><script>alert(1)</script></template>", "<a href=\"//evil.example\">protocol-relative</a>",
			"<img srcset=\"javascript:alert(1) 1x\">", "<x onclick=alert(1)>custom</x>", "<marquee onstart=alert(1)>",
			"<isindex action=javascript:alert(1) type=image>", "<a xlink:href=\"javascript:alert(1)\">x</a>");

	private static final List<String> BENIGN = List.of("O'Brien", "Select a course", "1 or 1=1 is not a hack",
			"DROP TABLE students; -- said Bobby", "x < y && y > z", "5 > 3 and 2 < 4", "Café crème, naïve façade",
			"日本語のテキスト", "Привет, мир", "emoji 😀 👍🏽 🇫🇷", "E = mc²; ∑ i = n(n+1)/2", "Tom & Jerry", "\"quoted\"",
			"100% sure", "price: $5 + tax", "a@b.example", "path/to/file.txt", "back\\slash", "#hashtag",
			"line one\nline two");

	private final HtmlPolicies policies = new HtmlPolicies(Map.of());

	@Test
	void builtInsAreKnown() {
		assertThat(this.policies.names()).containsExactlyElementsOf(BUILT_INS);
		assertThatIllegalArgumentException().isThrownBy(() -> this.policies.sanitize("nope", "x"))
			.withMessageContaining("nope")
			.withMessageContaining("hardening.sanitize.html.policies.nope");
	}

	@Test
	void noVectorOfTheXssCorpusKeepsAnExecutableConstructInAnyBuiltInPolicy() {
		for (String policy : BUILT_INS) {
			for (String vector : XSS) {
				String output = this.policies.sanitize(policy, vector);
				assertThat(executableConstructs(output)).as("%s on %s -> %s", policy, vector, output).isEmpty();
			}
		}
	}

	@Test
	void theCheckSeesExecutableConstructsInTheRawVectors() {
		long flagged = XSS.stream().filter((vector) -> !executableConstructs(vector).isEmpty()).count();
		assertThat(flagged).isGreaterThan(XSS.size() * 3 / 4);
		assertThat(executableConstructs("<a href=\"JaVa&#x53;cript:x\">")).isNotEmpty();
	}

	@Test
	void benignTextComesThroughEveryPolicyUnchangedExceptForEntityEncoding() {
		for (String policy : BUILT_INS) {
			for (String text : BENIGN) {
				String output = this.policies.sanitize(policy, text);
				assertThat(output).as("%s on %s", policy, text).doesNotContain("<");
				assertThat(decodeEntities(output)).as("%s on %s", policy, text).isEqualTo(text);
			}
		}
	}

	@Test
	void noneKeepsTextOfTagsAndEncodesEntities() {
		assertThat(this.policies.sanitize("none", "<b>bold</b> & <i>it</i>")).isEqualTo("bold &amp; it");
	}

	@Test
	void formattingKeepsInlineFormattingOnly() {
		assertThat(this.policies.sanitize("formatting", "<b>b</b><em>e</em><p>p</p><a href=\"https://x.example\">a</a>"))
			.isEqualTo("<b>b</b><em>e</em>pa");
	}

	@Test
	void basicKeepsParagraphsListsAndSafeLinksWithRel() {
		String output = this.policies.sanitize("basic",
				"<p>Hi <a href=\"https://x.example/a\">link</a></p><ul><li>one</li></ul><a href=\"mailto:a@b.example\">m</a>");
		assertThat(output).contains("<p>Hi <a href=\"https://x.example/a\" rel=\"nofollow noopener noreferrer\">link</a></p>")
			.contains("<ul><li>one</li></ul>")
			.contains("href=\"mailto:a&#64;b.example\"");
		assertThat(this.policies.sanitize("basic", "<table><tr><td>x</td></tr></table><img src=\"https://x.example/i.png\">"))
			.isEqualTo("x");
	}

	@Test
	void richAddsTablesAndHttpsImagesOnly() {
		assertThat(this.policies.sanitize("rich", "<table><tr><td>x</td></tr></table>")).contains("<table>").contains("<td>x</td>");
		assertThat(this.policies.sanitize("rich", "<img src=\"https://x.example/i.png\" alt=\"i\">"))
			.isEqualTo("<img src=\"https://x.example/i.png\" alt=\"i\" />");
		assertThat(this.policies.sanitize("rich", "<img src=\"http://x.example/i.png\">")).doesNotContain("src");
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "formatting", "basic", "rich" })
	void sanitisingIsStableOnItsOwnOutput(String policy) {
		for (String vector : XSS) {
			String once = this.policies.sanitize(policy, vector);
			assertThat(executableConstructs(this.policies.sanitize(policy, once))).isEmpty();
		}
	}

	@Test
	void everyCharacterTheFastPathPassesIsOneOwaspLeavesUnchangedInEveryPolicy() {
		// The fast path returns inert text without calling OWASP: for each character it accepts, and for random
		// text made of them, OWASP itself must give back exactly the input under every built-in policy.
		Map<String, PolicyFactory> owasp = HtmlPolicies.builtIns();
		StringBuilder inert = new StringBuilder();
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String text = "a" + c + "b";
			if (!HtmlPolicies.isInertText(text)) {
				continue;
			}
			inert.append(c);
			for (Map.Entry<String, PolicyFactory> policy : owasp.entrySet()) {
				assertThat(policy.getValue().sanitize(text)).as("%s on U+%04X", policy.getKey(), (int) c)
					.isEqualTo(text);
			}
		}
		assertThat(inert.length()).as("letters and digits of every script pass").isGreaterThan(40_000);
		SplittableRandom random = new SplittableRandom(11);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(1, 60); i > 0; i--) {
				// Half from ASCII, where the interesting punctuation is.
				text.append(inert.charAt(random.nextBoolean() ? random.nextInt(95) : random.nextInt(inert.length())));
			}
			String input = text.toString();
			for (Map.Entry<String, PolicyFactory> policy : owasp.entrySet()) {
				assertThat(policy.getValue().sanitize(input)).as("%s on %s", policy.getKey(), input).isEqualTo(input);
			}
			assertThat(this.policies.sanitize("basic", input)).isSameAs(input);
		}
	}

	@Test
	void textWithMarkupEntitiesQuotesOrOtherCharactersStillGoesThroughOwasp() {
		for (String text : List.of("O'Brien", "a & b", "1 + 1 = 2", "mail@example.com", "say \"hi\"", "x < y", "a\u0000b",
				"emoji 😀", "a\uFEFFb", "tick `x`", "\u007F", "{{x}}", "full\uFF57idth")) {
			assertThat(HtmlPolicies.isInertText(text)).as(text).isFalse();
		}
		assertThat(this.policies.sanitize("basic", "O'Brien")).isEqualTo("O&#39;Brien");
		assertThat(HtmlPolicies.isInertText("Plain text, with punctuation (and digits 42): fine; café, 日本語, Ελληνικά!"))
			.isTrue();
	}

	@Test
	void plainTextSkipsOwaspForPoliciesFromPropertiesButNotForPoliciesThatMayProcessText() {
		SanitizeProperties.HtmlPolicy fromYaml = new SanitizeProperties.HtmlPolicy();
		fromYaml.setElements(List.of("p", "b"));
		SanitizeProperties.Html html = new SanitizeProperties.Html();
		html.setPolicies(Map.of("short", fromYaml));
		String text = "Plain text";
		assertThat(HtmlPolicyMapper.policies(html).sanitize("short", text)).isSameAs(text);

		// A factory handed to the public constructor may transform text: it always gets the text.
		PolicyFactory shouting = new HtmlPolicyBuilder().withPostprocessor((receiver) -> new HtmlStreamEventReceiverWrapper(
				receiver) {
			@Override
			public void text(String value) {
				this.underlying.text(value.toUpperCase(Locale.ROOT));
			}
		}).toFactory();
		assertThat(new HtmlPolicies(Map.of("shouting", shouting)).sanitize("shouting", text)).isEqualTo("PLAIN TEXT");
	}

	static List<String> executableConstructs(String html) {
		List<String> found = new java.util.ArrayList<>();
		Matcher tags = Pattern.compile("<[^>]*>").matcher(html);
		while (tags.find()) {
			String tag = tags.group().toLowerCase(Locale.ROOT);
			Matcher name = Pattern.compile("^</?([a-z0-9:-]+)").matcher(tag);
			String element = name.find() ? name.group(1) : "";
			if (List.of("script", "iframe", "object", "embed", "style", "base", "meta", "svg", "math", "link", "form",
					"frame", "frameset", "applet", "template", "noscript", "input", "button").contains(element)) {
				found.add("element " + element);
			}
			if (Pattern.compile("[\\s/\"']on[a-z]+\\s*=").matcher(tag).find()) {
				found.add("event handler in " + tag);
			}
			if (tag.contains("style=") || tag.contains("srcdoc") || tag.contains("formaction")) {
				found.add("attribute in " + tag);
			}
			Matcher urls = Pattern.compile("(?:href|src|action|background|data|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(tag);
			while (urls.find()) {
				String url = decodeEntities(urls.group(1)).replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
				if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:")) {
					found.add("url " + url);
				}
			}
		}
		return found;
	}

	static String decodeEntities(String html) {
		Matcher matcher = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(html);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String entity = matcher.group(1);
			String replacement = switch (entity) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> new String(Character.toChars(entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
						: Integer.parseInt(entity.substring(1))));
			};
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
