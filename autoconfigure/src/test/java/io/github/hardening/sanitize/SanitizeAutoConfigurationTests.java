package io.github.hardening.sanitize;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.LocalHardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizeAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, JacksonAutoConfiguration.class,
				SanitizeAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void textNormalisationIsOnByDefaultForJsonAndParameters() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TextSanitizer.class)
				.hasSingleBean(SanitizeJacksonModule.class)
				.hasSingleBean(SanitizeExceptionHandler.class)
				.hasBean("sanitizeParametersConfigurer");
			assertThat(context.getBean(TextSanitizer.class).mode()).isEqualTo(TextMode.NORMALIZE);
			ObjectMapper mapper = context.getBean(ObjectMapper.class);
			assertThat(mapper.readValue("\"a\\u0000b\\u202Ec\"", String.class)).isEqualTo("abc");
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("sanitize") && c.report().enabled());
		});
	}

	@Test
	void modeAndFormAreConfigurable() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=reject", "hardening.sanitize.text.form=nfkc")
			.run((context) -> {
				assertThat(context.getBean(TextSanitizer.class).mode()).isEqualTo(TextMode.REJECT);
				assertThat(context.getBean(TextSanitizer.class).apply("abc", "x")).isEqualTo("abc");
			});
	}

	@Test
	void jsonNormalisationCanBeSwitchedOffWhileHtmlSanitisingStays() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.json=false").run((context) -> {
			ObjectMapper mapper = context.getBean(ObjectMapper.class);
			assertThat(mapper.readValue("\"a\\u0000b\"", String.class)).isEqualTo("a\u0000b");
			assertThat(mapper.readValue("{\"body\":\"<b>x</b><script>y</script>\"}", Comment.class).body())
				.isEqualTo("<b>x</b>");
		});
	}

	@Test
	void htmlPoliciesIncludeTheApplicationsOwn() {
		this.contextRunner
			.withPropertyValues("hardening.sanitize.html.policies.blog.elements=p,a,h2",
					"hardening.sanitize.html.policies.blog.attributes.a=href,title",
					"hardening.sanitize.html.policies.blog.protocols=https")
			.run((context) -> {
				HtmlPolicies policies = context.getBean(HtmlPolicies.class);
				assertThat(policies.names()).containsExactly("none", "formatting", "basic", "rich", "blog");
				assertThat(policies.sanitize("blog", "<h2>T</h2><a href=\"https://x.example\" title=\"t\" onclick=\"y\">l</a><b>b</b>"))
					.isEqualTo("<h2>T</h2><a href=\"https://x.example\" title=\"t\" rel=\"nofollow noopener noreferrer\">l</a>b");
			});
	}

	@Test
	void policyThatAllowsScriptOrStylesFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.sanitize.html.policies.blog.elements=p,style")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.sanitize.html.policies.blog.elements"));
		this.contextRunner.withPropertyValues("hardening.sanitize.html.policies.blog.elements=a",
				"hardening.sanitize.html.policies.blog.attributes.a=href,onclick")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.sanitize.html.policies.blog.attributes.a"));
		this.contextRunner.withPropertyValues("hardening.sanitize.html.policies.blog.elements=a",
				"hardening.sanitize.html.policies.blog.protocols=https,javascript")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.sanitize.html.policies.blog.protocols"));
		this.contextRunner.withPropertyValues("hardening.sanitize.html.policies.basic.elements=p")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.sanitize.html.policies.basic"));
	}

	@Test
	void unknownPolicyInAnAnnotationFailsTheStartupNamingIt() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withUserConfiguration(UnknownPolicyController.class)
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Unknown HTML policy 'fancy'")
				.hasMessageContaining("Inner.html")
				.hasMessageContaining("hardening.sanitize.html.policies.fancy"));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withUserConfiguration(UnknownPolicyController.class)
			.withPropertyValues("hardening.sanitize.html.policies.fancy.elements=b")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void malformedEncodingCheckIsOnWithParameterNormalisationAndOffWithIt() {
		this.contextRunner.run((context) -> {
			assertThat(registration(context).isEnabled()).isTrue();
			assertThat(context).hasBean("sanitizeMalformedParametersConfigurer")
				.hasBean("sanitizeMalformedPathCustomizer");
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.filteredOn((c) -> c.feature().equals("sanitize"))
				.singleElement()
				.satisfies((c) -> assertThat(c.report().settings()).containsEntry("malformed-encoding-refused", true));
		});
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=off")
			.run((context) -> assertThat(registration(context).isEnabled()).isFalse());
		this.contextRunner.withPropertyValues("hardening.sanitize.text.parameters=false")
			.run((context) -> assertThat(registration(context).isEnabled()).isFalse());
	}

	@Test
	void malformedEncodingFilterBacksOffWhenUserRegistersOne() {
		this.contextRunner.withUserConfiguration(UserParameterEncodingFilterConfiguration.class)
			.run((context) -> assertThat(context.getBeansOfType(FilterRegistrationBean.class))
				.containsKey("myParameterEncodingFilter")
				.doesNotContainKey("hardeningParameterEncodingFilter"));
	}

	@Test
	void jsonTreesAndMapKeysAreNormalisedUnlessTextModeIsOff() throws Exception {
		String json = "{\"k\\u0000\":\"a\\u202Eb\"}";
		this.contextRunner.run((context) -> {
			ObjectMapper mapper = context.getBean(ObjectMapper.class);
			assertThat(mapper.readTree(json).toString()).isEqualTo("{\"k\":\"ab\"}");
			assertThat(mapper.readValue(json, new TypeReference<Map<String, String>>() { })).containsEntry("k", "ab");
		});
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=off").run((context) -> {
			ObjectMapper mapper = context.getBean(ObjectMapper.class);
			assertThat(mapper.readTree(json).fieldNames().next()).isEqualTo("k\u0000");
		});
	}

	@SuppressWarnings("unchecked")
	private static FilterRegistrationBean<ParameterEncodingFilter> registration(
			org.springframework.context.ApplicationContext context) {
		return context.getBean("hardeningParameterEncodingFilter", FilterRegistrationBean.class);
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.sanitize.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TextSanitizer.class).doesNotHaveBean(SanitizeJacksonModule.class);
			assertThat(context.getBean(ObjectMapper.class).readValue("\"a\\u0000b\"", String.class))
				.isEqualTo("a\u0000b");
		});
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TextSanitizer.class));
	}

	@Test
	void textSanitizerBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserSanitizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(TextSanitizer.class)).isSameAs(context.getBean("mySanitizer"));
			assertThat(context.getBean(ObjectMapper.class).readValue("\"a\\u0000b\"", String.class))
				.isEqualTo("a\u0000b");
		});
	}

	@Test
	void detectorReportsByDefaultAndIsSwitchedOffCompletely() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean("hardeningSuspiciousInputFilter", FilterRegistrationBean.class).isEnabled())
			.isTrue());
		this.contextRunner.withPropertyValues("hardening.sanitize.detector.mode=off")
			.run((context) -> assertThat(
					context.getBean("hardeningSuspiciousInputFilter", FilterRegistrationBean.class).isEnabled())
				.isFalse());
	}

	@Test
	void invalidDetectorPathFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.sanitize.detector.paths.[/a/**/b/**]=block")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.sanitize.detector.paths"));
	}

	@Test
	void unknownModeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=sometimes")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("hardening.sanitize.text.mode"));
	}

	record Comment(@SanitizedHtml("basic") String body) {
	}

	record Fancy(List<Inner> items) {
	}

	record Inner(@SanitizedHtml("fancy") String html) {
	}

	@RestController
	static class UnknownPolicyController {

		@PostMapping("/fancy")
		String fancy(@RequestBody Fancy fancy) {
			return "ok";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSanitizerConfiguration {

		@Bean
		TextSanitizer mySanitizer() {
			LocalHardeningMetrics metrics = new LocalHardeningMetrics();
			return new TextSanitizer(new TextNormalizer(TextNormalizer.Form.NONE), TextMode.OFF,
					metrics.counter("n", "n"), metrics.counter("r", "r"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserParameterEncodingFilterConfiguration {

		@Bean
		FilterRegistrationBean<ParameterEncodingFilter> myParameterEncodingFilter() {
			return new FilterRegistrationBean<>(new ParameterEncodingFilter(1024, 10, true, new ProblemResponseWriter(new ObjectMapper())));
		}

	}

}
