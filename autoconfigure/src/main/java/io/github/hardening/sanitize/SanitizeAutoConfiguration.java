package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;

import org.owasp.html.PolicyFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Input sanitization: text normalisation and {@link SanitizedHtml} sanitising of JSON strings (a Jackson
 * module on the application's {@code ObjectMapper}) and of parameters and path variables (a converter in the
 * MVC conversion service), with the problem responses of refused text.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class, before = JacksonAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.sanitize", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SanitizeProperties.class)
@Import(MalformedInputConfiguration.class)
public class SanitizeAutoConfiguration {

	static final String NORMALIZED = "hardening.sanitize.normalized";

	static final String REJECTED = "hardening.sanitize.rejected";

	@Bean
	@ConditionalOnMissingBean
	TextSanitizer textSanitizer(SanitizeProperties properties, HardeningMetrics metrics) {
		SanitizeProperties.Text text = properties.getText();
		return new TextSanitizer(new TextNormalizer(text.getForm()), text.getMode(), normalized(metrics),
				rejected(metrics));
	}

	@Bean
	@ConditionalOnMissingBean(name = "sanitizeReportContributor")
	SanitizeReportContributor sanitizeReportContributor(SanitizeProperties properties, HardeningMetrics metrics,
			ObjectProvider<HtmlPolicies> htmlPolicies, SuspiciousInputFindings findings) {
		Map<String, HardeningCounter> counters = new LinkedHashMap<>();
		counters.put("normalized", normalized(metrics));
		counters.put("rejected", rejected(metrics));
		HtmlPolicies html = htmlPolicies.getIfAvailable();
		return new SanitizeReportContributor(properties, counters, (html != null) ? html.names() : List.of(),
				findings);
	}

	@Bean
	@ConditionalOnMissingBean
	SuspiciousInputFindings suspiciousInputFindings(HardeningMetrics metrics) {
		return new SuspiciousInputFindings(new SuspiciousInputDetector(), metrics);
	}

	@Bean
	@ConditionalOnMissingFilterBean(SuspiciousInputFilter.class)
	FilterRegistrationBean<SuspiciousInputFilter> hardeningSuspiciousInputFilter(SanitizeProperties properties,
			SuspiciousInputFindings findings, ProblemResponseWriter problems) {
		SanitizeProperties.Detector detector = properties.getDetector();
		FilterRegistrationBean<SuspiciousInputFilter> registration = new FilterRegistrationBean<>(
				new SuspiciousInputFilter(detector.getMode(), DetectorMapper.pathModes(detector), findings, problems));
		// After the body limit: it only reads the query string, and sets the mode for JSON strings.
		registration.setOrder(HardeningFilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(DetectorMapper.isUsed(detector));
		return registration;
	}

	private static HardeningCounter normalized(HardeningMetrics metrics) {
		return metrics.counter(NORMALIZED, "Text values changed by normalisation");
	}

	static HardeningCounter rejected(HardeningMetrics metrics) {
		return metrics.counter(REJECTED, "Text values refused with 400");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PolicyFactory.class)
	static class HtmlConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HtmlPolicies htmlPolicies(SanitizeProperties properties) {
			return HtmlPolicyMapper.policies(properties.getHtml());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObjectMapper.class)
	static class JacksonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SanitizeJacksonModule sanitizeJacksonModule(SanitizeProperties properties, TextSanitizer sanitizer,
				ObjectProvider<HtmlPolicies> htmlPolicies, SuspiciousInputFindings findings) {
			return new SanitizeJacksonModule(properties.getText().isJson() ? sanitizer : null,
					htmlPolicies.getIfAvailable(), DetectorMapper.isUsed(properties.getDetector()) ? findings : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
	static class MvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SanitizeExceptionHandler sanitizeExceptionHandler(ObjectProvider<ResponseEntityExceptionHandler> fallback,
				ObjectProvider<LimitsCounters> limitsCounters) {
			return new SanitizeExceptionHandler(fallback, limitsCounters);
		}

		@Bean
		@ConditionalOnMissingBean(name = "sanitizeParametersConfigurer")
		WebMvcConfigurer sanitizeParametersConfigurer(SanitizeProperties properties, TextSanitizer sanitizer,
				ObjectProvider<HtmlPolicies> htmlPolicies) {
			ParameterTextConverter converter = new ParameterTextConverter(
					properties.getText().isParameters() ? sanitizer : null, htmlPolicies.getIfAvailable());
			return new WebMvcConfigurer() {

				@Override
				public void addFormatters(FormatterRegistry registry) {
					registry.addConverter(converter);
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean
		SanitizedHtmlPolicyCheck sanitizedHtmlPolicyCheck(ListableBeanFactory beanFactory,
				ObjectProvider<HtmlPolicies> htmlPolicies) {
			return new SanitizedHtmlPolicyCheck(beanFactory, htmlPolicies.getIfAvailable());
		}

	}

}
