package io.github.hardening.cors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One configured value at a time: what is malformed, what is unsafe, what is fine.
 */
class OriginRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example.com", "https://app.example.com/", "http://localhost:3000",
			"https://APP.Example.com:8443", "https://[2001:db8::1]:8443", "capacitor://localhost",
			"chrome-extension://abcdefghijklmnop" })
	void wellFormedOriginsHaveNoProblem(String origin) {
		assertThat(OriginRules.originProblem(origin)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://a.com/x|without path, query or fragment. Use https://a.com",
			"https://a.com?x=1|without path, query or fragment", "https://a.com#top|without path, query or fragment",
			"a.com|has no scheme", "//a.com|has no scheme", "https://*.a.com|Move it to allowed-origin-patterns",
			"'https://a.com,https://b.com'|List each origin as its own entry", "'https://a.com '|without spaces",
			"https://a.com:99999|port '99999' is not valid", "https://a.com:[8080]|port '[8080]' is not valid",
			"https://user@a.com|not a host name", "https://|not a host name", "1https://a.com|scheme '1https'",
			"https://[::1|not a host name" })
	void malformedOriginsAreExplained(String origin, String expected) {
		assertThat(OriginRules.originProblem(origin)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*.example.com", "https://*.example.com:[8080,8081]", "https://*.example.com:[*]",
			"https://api-*.example.com", "https://*.*.example.com", "http://localhost:[*]", "https://example.com" })
	void safePatternsHaveNoProblem(String pattern) {
		assertThat(OriginRules.patternProblem(pattern)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://*example.com|also matches https://evilexample.com",
			"https://example.*|ends the host, so the pattern also matches hosts such as https://example.com.evil.net",
			"https://example.*.com|only '.com', a whole top-level domain",
			"https://*.com|only '.com', a whole top-level domain", "*://example.com|scheme '*' is not valid",
			"http*://example.com|scheme 'http*' is not valid", "http://localhost:*|[*] for any port",
			"https://*.example.com:[80,x]|port '[80,x]' is not valid", "*.example.com|has no scheme",
			"https://*.example.com/app|without path, query or fragment", "null|Set allow-null-origin=true" })
	void unsafeOrMalformedPatternsAreExplained(String pattern, String expected) {
		assertThat(OriginRules.patternProblem(pattern)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "http://api.example.com,true", "http://*.example.com,true", "HTTP://10.0.0.1:8080,true",
			"http://localhost:3000,false", "http://127.0.0.1,false", "http://[::1]:8080,false",
			"https://api.example.com,false", "http://LOCALHOST,false" })
	void plainHttpIsRemoteUnlessItIsThisMachine(String value, boolean plainHttpRemote) {
		assertThat(OriginRules.isPlainHttpRemote(value)).isEqualTo(plainHttpRemote);
	}

}
