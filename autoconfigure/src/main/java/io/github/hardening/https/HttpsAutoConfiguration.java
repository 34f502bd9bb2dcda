package io.github.hardening.https;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The HTTP to HTTPS redirect, off by default because it needs TLS in front of the application.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.https", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpsProperties.class)
public class HttpsAutoConfiguration {

	private static final String REDIRECTS = "hardening.https.redirects";

	private static final String REDIRECTS_DESCRIPTION = "Plain HTTP requests redirected to HTTPS";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "hardening.https.redirect", name = "enabled")
	HttpsRedirectFilter httpsRedirectFilter(HttpsProperties properties, ClientAddressResolver clientAddresses,
			HardeningMetrics metrics) {
		return HttpsRedirectMapper.filter(properties.getRedirect(), clientAddresses,
				metrics.counter(REDIRECTS, REDIRECTS_DESCRIPTION));
	}

	@Bean
	@ConditionalOnMissingBean(name = "httpsRedirectFilterRegistration")
	@ConditionalOnProperty(prefix = "hardening.https.redirect", name = "enabled")
	FilterRegistrationBean<HttpsRedirectFilter> httpsRedirectFilterRegistration(HttpsRedirectFilter filter) {
		FilterRegistrationBean<HttpsRedirectFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HardeningFilterOrder.HTTPS_REDIRECT);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "httpsReportContributor")
	HardeningReportContributor httpsReportContributor(HttpsProperties properties, HardeningMetrics metrics) {
		HardeningCounter redirects = metrics.counter(REDIRECTS, REDIRECTS_DESCRIPTION);
		return new HttpsReportContributor(properties.getRedirect(), redirects);
	}

}
