package io.github.hardening.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A fixed chain of servlet filters ending in a terminal {@link FilterChain}, built once and run per
 * invocation without allocating: what a servlet container's filter chain does, minus the container.
 */
final class FilterPipeline {

	/** The body Spring MVC writes for {@code GET /api/hello} in the sample app. */
	static final byte[] HELLO_JSON = "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

	/**
	 * What Spring MVC does for a small JSON response: sets the content type, takes the output stream, writes
	 * the body and flushes it (which commits the response, so header writers that act on commit run).
	 */
	static final FilterChain JSON_HELLO = (request, response) -> {
		response.setContentType("application/json");
		ServletOutputStream out = response.getOutputStream();
		out.write(HELLO_JSON);
		out.flush();
	};

	/** A filter that only passes the request on: the baseline every filter is compared with. */
	static final Filter NO_OP = (request, response, chain) -> chain.doFilter(request, response);

	private final FilterChain head;

	private FilterPipeline(FilterChain head) {
		this.head = head;
	}

	/**
	 * Builds a pipeline that runs the filters in order, then the terminal chain.
	 * @param filters outermost first
	 * @param terminal what the servlet does
	 * @return the pipeline
	 */
	static FilterPipeline of(List<? extends Filter> filters, FilterChain terminal) {
		FilterChain next = terminal;
		for (int i = filters.size() - 1; i >= 0; i--) {
			next = new Link(filters.get(i), next);
		}
		return new FilterPipeline(next);
	}

	/**
	 * Builds a pipeline ending in {@link #JSON_HELLO}.
	 * @param filters outermost first
	 * @return the pipeline
	 */
	static FilterPipeline of(Filter... filters) {
		return of(List.of(filters), JSON_HELLO);
	}

	/**
	 * Runs one request through the filters.
	 * @param request the request
	 * @param response the response
	 */
	void run(ServletRequest request, ServletResponse response) throws IOException, ServletException {
		this.head.doFilter(request, response);
	}

	/**
	 * Runs one fresh response through the filters and hands both to the blackhole.
	 * @param request the request
	 * @param blackhole JMH's sink
	 */
	void run(MockHttpServletRequest request, Blackhole blackhole) throws IOException, ServletException {
		MockHttpServletResponse response = MockExchanges.response();
		run(request, response);
		blackhole.consume(request);
		blackhole.consume(response);
	}

	/**
	 * Runs one request and returns the response, for the setup checks.
	 * @param request the request
	 * @return the response
	 */
	MockHttpServletResponse runOnce(MockHttpServletRequest request) throws IOException, ServletException {
		MockHttpServletResponse response = MockExchanges.response();
		run(request, response);
		return response;
	}

	/**
	 * Fails a benchmark's setup when a variant does not do what it claims, rather than report a fast number
	 * for nothing.
	 * @param condition what must hold
	 * @param what the claim, for the message
	 */
	static void expect(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark setup is wrong: expected that " + what);
		}
	}

	private record Link(Filter filter, FilterChain next) implements FilterChain {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
			this.filter.doFilter(request, response, this.next);
		}

	}

}
