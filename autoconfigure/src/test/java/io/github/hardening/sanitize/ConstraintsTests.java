package io.github.hardening.sanitize;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void createValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void cleanValuesAreValid() {
		assertThat(violations(new Upload("Tom & Jerry, 1 < 2", "O'Brien 😀", "report.pdf"))).isEmpty();
		assertThat(violations(new Upload(null, null, null))).isEmpty();
	}

	@Test
	void htmlIsRefusedByNoHtml() {
		for (String html : new String[] { "<b>x</b>", "</p>", "<!-- c -->", "<?xml?>", "a<script>", "&lt;script&gt;",
				"&#60;b&#62;", "&#x3C;" }) {
			assertThat(violations(new Upload(html, null, null))).as(html).containsExactly("title");
		}
	}

	@Test
	void controlBidiSurrogatesAndLengthAreRefusedBySafeText() {
		for (String text : new String[] { "a\u0000b", "x\u202Ey", "\uD800", "\u0085", "123456789012345678901" }) {
			assertThat(violations(new Upload(null, text, null))).as(text).containsExactly("comment");
		}
		assertThat(violations(new Upload(null, "tab\tand\nnewline", null))).isEmpty();
		assertThat(violations(new Upload(null, "😀".repeat(20), null))).isEmpty();
	}

	@Test
	void unsafeNamesAreRefusedBySafeFilename() {
		for (String name : new String[] { "../x", "a/b", "CON", "x.txt.", "..", "a\u0000b", "%2e%2e", "a:b" }) {
			assertThat(violations(new Upload(null, null, name))).as(name).containsExactly("name");
		}
	}

	private static Set<String> violations(Upload upload) {
		return validator.validate(upload)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(Collectors.toSet());
	}

	record Upload(@NoHtml String title, @SafeText(maxLength = 20) String comment, @SafeFilename String name) {
	}

}
