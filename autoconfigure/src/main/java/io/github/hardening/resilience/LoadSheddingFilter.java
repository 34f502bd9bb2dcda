package io.github.hardening.resilience;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;

/**
 * Sheds requests over the concurrency limit with 503 problem+json and {@code Retry-After}, before any work is
 * done on them. Excluded paths (health probes) are never shed, so an overloaded instance is not restarted.
 */
public class LoadSheddingFilter extends HttpFilter {

	/** The server is at its concurrency limit; try again after Retry-After. */
	public static final ProblemType OVERLOADED = ProblemType.of("overloaded", "Server overloaded", 503);

	private static final long serialVersionUID = 1L;

	private final transient ConcurrencyLimiter limiter;

	private final transient List<PathPattern> excluded;

	private final transient ProblemResponseWriter problems;

	private final long retryAfterSeconds;

	private final transient HardeningCounter shed;

	/**
	 * Creates the filter.
	 * @param limiter the concurrency limit
	 * @param excluded paths never shed
	 * @param problems writes the 503
	 * @param retryAfterSeconds value of Retry-After
	 * @param shed counts shed requests
	 */
	public LoadSheddingFilter(ConcurrencyLimiter limiter, List<PathPattern> excluded, ProblemResponseWriter problems,
			long retryAfterSeconds, HardeningCounter shed) {
		this.limiter = limiter;
		this.excluded = excluded;
		this.problems = problems;
		this.retryAfterSeconds = retryAfterSeconds;
		this.shed = shed;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!this.limiter.tryAcquire()) {
			// Paths are only parsed when the limit is reached, keeping the common, admitted case cheap; an
			// excluded request admitted under the limit simply holds a slot like any other.
			if (isExcluded(request)) {
				chain.doFilter(request, response);
				return;
			}
			this.shed.increment();
			response.setHeader("Retry-After", Long.toString(this.retryAfterSeconds));
			this.problems.write(request, response, OVERLOADED,
					"The server is handling as many requests as it can; try again shortly.",
					Map.of("retryAfterSeconds", this.retryAfterSeconds));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.limiter.release();
		}
	}

	private boolean isExcluded(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern pattern : this.excluded) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
