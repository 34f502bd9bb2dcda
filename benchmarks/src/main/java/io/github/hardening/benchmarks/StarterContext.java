package io.github.hardening.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The starter's beans exactly as an application gets them: a servlet web application context (without a
 * server) built from the auto-configurations a benchmark imports and the properties it sets, so that the
 * benchmark measures the filters the auto-configuration builds rather than hand-made copies.
 */
final class StarterContext implements AutoCloseable {

	private final AnnotationConfigServletWebApplicationContext context;

	private StarterContext(AnnotationConfigServletWebApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a context.
	 * @param configuration a class annotated with {@code @ImportAutoConfiguration} of the features to measure
	 * @param properties application properties, as flattened yml keys
	 * @return the started context
	 */
	static StarterContext start(Class<?> configuration, Map<String, Object> properties) {
		AnnotationConfigServletWebApplicationContext context = new AnnotationConfigServletWebApplicationContext();
		context.setServletContext(MockExchanges.SERVLET_CONTEXT);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		context.register(configuration);
		context.refresh();
		return new StarterContext(context);
	}

	/**
	 * Returns a bean.
	 * @param <T> the bean type
	 * @param type the bean type
	 * @return the only bean of that type
	 */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Returns the filter a {@link FilterRegistrationBean} registers.
	 * @param registrationBeanName the registration bean's name
	 * @return the filter
	 */
	Filter registeredFilter(String registrationBeanName) {
		return this.context.getBean(registrationBeanName, FilterRegistrationBean.class).getFilter();
	}

	/**
	 * Returns every registered filter in the order the servlet container would run them.
	 * @return the filters, outermost first
	 */
	@SuppressWarnings("rawtypes")
	List<Filter> registeredFilters() {
		List<FilterRegistrationBean> registrations = new ArrayList<>(
				this.context.getBeansOfType(FilterRegistrationBean.class).values());
		registrations.sort(Comparator.comparingInt(FilterRegistrationBean::getOrder));
		return registrations.stream().map((registration) -> (Filter) registration.getFilter()).toList();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
