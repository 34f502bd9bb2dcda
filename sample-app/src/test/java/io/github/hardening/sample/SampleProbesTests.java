package io.github.hardening.sample;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness and readiness over real HTTP: the main-port paths, the actuator groups, no details to the public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleProbesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void probesAnswerOnTheMainPortWithoutDetails() throws Exception {
		Http http = new Http(this.port);
		for (String path : new String[] { "/livez", "/readyz", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> response = http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			assertThat(body.get("status").asText()).as(path).isEqualTo("UP");
			assertThat(body.has("components")).as(path + " hides its components").isFalse();
		}
	}

	@Test
	void readinessRefusingTrafficAnswers503WhileLivenessStaysUp() {
		Http http = new Http(this.port);
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			assertThat(http.get("/readyz").statusCode()).isEqualTo(503);
			assertThat(http.get("/livez").statusCode()).isEqualTo(200);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Test
	void hardeningReportListsTheReadinessChecks() throws Exception {
		JsonNode health = JSON.readTree(new Http(this.port).get("/actuator/hardening/health").body());
		assertThat(health.get("enabled").asBoolean()).isTrue();
		assertThat(health.get("settings").get("readiness-checks").toString()).contains("storage");
	}

}
