package io.github.hardening.logging;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTests {

	private final LogMasking masking = LogMasking.of(List.of("iban"), List.of("\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b"));

	@Test
	void sensitiveKeysMatchIgnoringCaseAndPunctuation() {
		assertThat(this.masking.isSensitiveKey("Authorization")).isTrue();
		assertThat(this.masking.isSensitiveKey("X-Api-Key")).isTrue();
		assertThat(this.masking.isSensitiveKey("api_key")).isTrue();
		assertThat(this.masking.isSensitiveKey("Set-Cookie")).isTrue();
		assertThat(this.masking.isSensitiveKey("db.password")).isTrue();
		assertThat(this.masking.isSensitiveKey("accessToken")).isTrue();
		assertThat(this.masking.isSensitiveKey("customerIban")).isTrue();
		assertThat(this.masking.isSensitiveKey("requestId")).isFalse();
		assertThat(this.masking.isSensitiveKey("path")).isFalse();
	}

	@Test
	void bearerTokensKeepTheirSchemeWord() {
		assertThat(this.masking.maskValue("calling with Bearer abc.def-123 now")).isEqualTo("calling with Bearer **** now");
	}

	@Test
	void jwtShapedStringsAreMasked() {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
		assertThat(this.masking.maskValue("token " + jwt + " rejected")).isEqualTo("token **** rejected");
	}

	@Test
	void secretAssignmentsInTextKeepTheirName() {
		assertThat(this.masking.maskValue("login failed password=hunter2 user=bob"))
			.isEqualTo("login failed password=**** user=bob");
		assertThat(this.masking.maskValue("{\"api_key\": \"k-123\"}")).isEqualTo("{\"api_key\": \"****\"}");
	}

	@Test
	void configuredPatternsAreMasked() {
		assertThat(this.masking.maskValue("card 1234-5678-9012-3456 charged")).isEqualTo("card **** charged");
	}

	@Test
	void ordinaryTextIsLeftAlone() {
		String text = "GET /api/hello 200 3ms";
		assertThat(this.masking.maskValue(text)).isSameAs(text);
	}

}
