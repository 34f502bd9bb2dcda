package io.github.hardening.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes the sample's {@code /actuator/prometheus}: every hardening metric follows the naming of DESIGN.md,
 * latency histograms are on, and every metric the alert rules use is either exported or documented as coming
 * from a feature the sample does not run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class SampleMetricsTests {

	private static final Path OPERATIONS = Path.of("..", "docs", "operations");

	private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{| )");

	private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\\w+)");

	private static final Pattern HARDENING_NAME = Pattern.compile("hardening_[a-z0-9]+(_[a-z0-9]+)+");

	@LocalServerPort
	int port;

	@Test
	void hardeningMetricsFollowTheNamingAndHistogramsAreOn() {
		String scrape = scrape();
		assertThat(names(scrape)).contains("http_server_requests_seconds_bucket", "hardening_health_readiness_ready",
				"hardening_health_resource_pressure", "hardening_storage_cleanup_failures_total",
				"hardening_storage_cleanup_last_success_timestamp_seconds", "hardening_storage_cleanup_interval_seconds");
		Matcher type = TYPE.matcher(scrape);
		List<String> problems = new ArrayList<>();
		while (type.find()) {
			String name = type.group(1);
			if (!name.startsWith("hardening_")) {
				continue;
			}
			if (!HARDENING_NAME.matcher(name).matches()) {
				problems.add(name + ": not hardening_<feature>_<what> in snake case");
			}
			if (type.group(2).equals("counter") && !name.endsWith("_total")) {
				problems.add(name + ": a counter's name ends with _total");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyMetricTheAlertsUseIsExportedOrDocumented() throws IOException {
		Set<String> exported = names(scrape());
		String readme = Files.readString(OPERATIONS.resolve("README.md"));
		String fromOtherFeatures = readme.substring(readme.indexOf("## Metrics from other features"));
		List<String> missing = new ArrayList<>();
		for (String metric : alertMetrics()) {
			if (!exported.contains(metric) && !fromOtherFeatures.contains("`" + metric + "`")) {
				String family = metric.substring(0, metric.indexOf('_', metric.indexOf('_') + 1) + 1);
				missing.add(metric + " (exported " + family + "*: "
						+ exported.stream().filter((name) -> name.startsWith(family)).toList() + ")");
			}
		}
		assertThat(missing).as("metrics used by prometheus-alerts.yml, neither exported nor documented").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Set<String> alertMetrics() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(OPERATIONS.resolve("prometheus-alerts.yml")));
		Set<String> metrics = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				metrics.addAll(metricNames((String) rule.get("expr")));
			}
		}
		assertThat(metrics).hasSizeGreaterThan(5);
		return metrics;
	}

	/** The metric names of a PromQL expression: what is left once matchers, ranges and grouping are removed. */
	static Set<String> metricNames(String expr) {
		String stripped = expr.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\boffset\\s+\\w+", " ");
		Set<String> names = new TreeSet<>();
		Matcher token = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
		while (token.find()) {
			String name = token.group(1);
			boolean function = token.group(2) != null;
			if (!function && !Set.of("and", "or", "unless", "bool").contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private Set<String> names(String scrape) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = SAMPLE.matcher(scrape);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private String scrape() {
		Http http = new Http(this.port);
		assertThat(http.get("/api/hello").statusCode()).isEqualTo(200);
		assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
		return http.get("/actuator/prometheus").body();
	}

}
