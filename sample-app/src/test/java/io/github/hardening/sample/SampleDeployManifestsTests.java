package io.github.hardening.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile and Kubernetes manifests in docs/operations cannot be built or applied here; this test keeps
 * them consistent with the application: probe paths answer on the main port, ports match the configured
 * ones, the termination grace period covers the whole shutdown, the container is locked down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleDeployManifestsTests {

	private static final Path OPERATIONS = Path.of("..", "docs", "operations");

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Test
	@SuppressWarnings("unchecked")
	void kubernetesProbesPortsAndShutdownMatchTheApplication() throws IOException {
		Map<String, Object> deployment = yaml("kubernetes/deployment.yml");
		Map<String, Object> pod = path(deployment, "spec", "template", "spec");
		Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
		Map<String, Integer> ports = new java.util.HashMap<>();
		for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
			ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
		}
		assertThat(ports.get("http")).isEqualTo(applicationYaml("application.yml", "server", "port"));
		assertThat(ports.get("management")).isEqualTo(applicationYaml("application-prod.yml", "management", "server", "port"));
		Map<String, Object> annotations = path(deployment, "spec", "template", "metadata", "annotations");
		assertThat(annotations.get("prometheus.io/port")).isEqualTo(String.valueOf(ports.get("management")));
		assertThat(annotations.get("prometheus.io/path")).isEqualTo("/actuator/prometheus");

		Http http = new Http(this.port);
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			Map<String, Object> get = path(container, probe, "httpGet");
			assertThat(get.get("port")).as(probe).isEqualTo("http");
			String probePath = (String) get.get("path");
			assertThat(probePath).as(probe).isIn("/livez", "/readyz");
			assertThat(http.get(probePath).statusCode()).as(probe + " " + probePath).isEqualTo(200);
		}
		assertThat(path(container, "readinessProbe", "httpGet").get("path")).isEqualTo("/readyz");
		assertThat(path(container, "livenessProbe", "httpGet").get("path")).isEqualTo("/livez");

		List<String> preStop = (List<String>) path(container, "lifecycle", "preStop", "exec").get("command");
		long preStopSeconds = Long.parseLong(preStop.get(preStop.size() - 1));
		// The production default; the tests themselves run without a drain delay.
		Duration drain = new io.github.hardening.health.ShutdownProperties().getDrainDelay();
		Duration phase = DurationStyle.detectAndParse(
				this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", "30s"));
		int grace = (Integer) pod.get("terminationGracePeriodSeconds");
		assertThat(preStopSeconds + drain.toSeconds() + phase.toSeconds()).as("preStop + drain + shutdown phase")
			.isLessThan(grace);
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("graceful");

		Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
		assertThat(security).containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true);
		assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true);
		assertThat(path(container, "resources", "limits")).containsKey("memory");
		assertThat(path(container, "resources", "requests")).containsKeys("cpu", "memory");
		assertThat(path(yaml("kubernetes/service.yml"), "spec")).extracting("ports")
			.asString()
			.contains("targetPort=http");
	}

	@Test
	void dockerfileRunsAsNonRootAndChecksLiveness() throws IOException {
		List<String> lines = Files.readAllLines(OPERATIONS.resolve("Dockerfile"));
		List<String> instructions = new ArrayList<>();
		lines.stream().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach(instructions::add);
		String dockerfile = String.join("\n", instructions);
		assertThat(dockerfile).contains("USER 10001").contains("-Djarmode=tools").contains("--layers");
		assertThat(dockerfile).containsPattern("EXPOSE .*\\b" + applicationYaml("application.yml", "server", "port") + "\\b");
		assertThat(dockerfile).containsPattern("HEALTHCHECK[\\s\\S]*http://127\\.0\\.0\\.1:8080/livez");
		assertThat(new Http(this.port).get("/livez").statusCode()).isEqualTo(200);
	}

	private static Map<String, Object> yaml(String name) throws IOException {
		return new Yaml().load(Files.readString(OPERATIONS.resolve(name)));
	}

	private static Object applicationYaml(String file, String... keys) throws IOException {
		Map<String, Object> root = new Yaml().load(Files.readString(Path.of("src", "main", "resources", file)));
		Map<String, Object> node = root;
		for (int i = 0; i < keys.length - 1; i++) {
			node = path(node, keys[i]);
		}
		return node.get(keys[keys.length - 1]);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> path(Map<String, Object> node, String... keys) {
		Map<String, Object> current = node;
		for (String key : keys) {
			current = (Map<String, Object>) current.get(key);
			assertThat(current).as(key).isNotNull();
		}
		return current;
	}

}
