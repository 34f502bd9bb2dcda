package io.github.hardening.headers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class PresetResolverTests {

	private final PresetHeaders api = headers(HeaderPreset.API);

	private final PresetHeaders web = headers(HeaderPreset.WEB);

	@Test
	void literalPatternsAgreeWithPathPatternOnEveryPath() {
		Map<String, PresetHeaders> patterns = new LinkedHashMap<>();
		patterns.put("/**", this.api);
		patterns.put("/", this.web);
		patterns.put("/app/**", this.web);
		patterns.put("/app/admin/**", this.api);
		PresetResolver resolver = new PresetResolver(patterns, this.api);
		for (String path : List.of("/", "/app", "/app/", "/app/x/y", "/apple", "/api/x", "/app/admin",
				"/app/admin/users", "/%61pp/x", "/app;v=1/x", "//app/x", "/x/app/y")) {
			assertThat(resolver.resolve(request(path)).preset()).as(path).isEqualTo(expected(patterns, path));
		}
	}

	@Test
	void escapedPathsCannotDodgeAPattern() {
		PresetResolver resolver = new PresetResolver(Map.of("/**", this.web, "/api/**", this.api), this.web);
		assertThat(resolver.resolve(request("/%61pi/users")).preset()).isEqualTo(HeaderPreset.API);
	}

	@Test
	void templatePatternsAreMatchedByPathPattern() {
		PresetResolver resolver = new PresetResolver(Map.of("/**", this.api, "/pages/{name}", this.web), this.api);
		assertThat(resolver.resolve(request("/pages/about")).preset()).isEqualTo(HeaderPreset.WEB);
		assertThat(resolver.resolve(request("/pages/about/more")).preset()).isEqualTo(HeaderPreset.API);
	}

	@Test
	void errorDispatchIsJudgedByTheFailedPath() {
		PresetResolver resolver = new PresetResolver(Map.of("/**", this.api, "/app/**", this.web), this.api);
		MockHttpServletRequest error = request("/error");
		error.setAttribute("jakarta.servlet.error.request_uri", "/app/missing");
		assertThat(resolver.resolve(error).preset()).isEqualTo(HeaderPreset.WEB);
	}

	private static HeaderPreset expected(Map<String, PresetHeaders> patterns, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return patterns.entrySet()
			.stream()
			.map((e) -> Map.entry(PathPatternParser.defaultInstance.parse(e.getKey()), e.getValue()))
			.sorted(Map.Entry.comparingByKey(org.springframework.web.util.pattern.PathPattern.SPECIFICITY_COMPARATOR))
			.filter((e) -> e.getKey().matches(container))
			.map((e) -> e.getValue().preset())
			.findFirst()
			.orElse(HeaderPreset.API);
	}

	private static MockHttpServletRequest request(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		return request;
	}

	private static PresetHeaders headers(HeaderPreset preset) {
		return new PresetHeaders(preset, Map.of("X-Preset", preset.name()), null, null, false);
	}

}
