package io.github.hardening.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder in a real Logback context, writing to a buffer: one JSON object per line, masked.
 */
class HardeningJsonEncoderTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private Logger logger;

	@BeforeEach
	void start() {
		HardeningJsonEncoder encoder = new HardeningJsonEncoder();
		encoder.setContext(this.context);
		encoder.addSensitiveKey("iban");
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(this.out);
		appender.start();
		this.logger = this.context.getLogger("test.orders");
		this.logger.setAdditive(false);
		this.logger.setLevel(ch.qos.logback.classic.Level.INFO);
		this.logger.addAppender(appender);
	}

	@AfterEach
	void stop() {
		MDC.clear();
		this.logger.detachAndStopAllAppenders();
	}

	@Test
	void writesOneObjectPerLineWithTheStarterFieldNames() throws Exception {
		MDC.put("requestId", "abc123");
		this.logger.error("order failed", new IllegalStateException("boom"));
		JsonNode line = single();
		assertThat(line.has("timestamp")).isTrue();
		assertThat(line.get("level").asText()).isEqualTo("ERROR");
		assertThat(line.get("logger").asText()).isEqualTo("test.orders");
		assertThat(line.get("thread").asText()).isNotEmpty();
		assertThat(line.get("message").asText()).isEqualTo("order failed");
		assertThat(line.get("stack_trace").asText()).contains("IllegalStateException: boom");
		assertThat(line.get("requestId").asText()).isEqualTo("abc123");
		assertThat(line.has("@version")).isFalse();
	}

	@Test
	void masksSensitiveMdcValuesKeyValuePairsAndStructuredArguments() throws Exception {
		MDC.put("Authorization", "Basic dXNlcjpwYXNz");
		this.logger.atInfo()
			.addKeyValue("api-key", "k-123")
			.addKeyValue("customer", "bob")
			.log("charged {} {}", StructuredArguments.kv("password", "hunter2"), StructuredArguments.kv("iban", "DE00"));
		JsonNode line = single();
		assertThat(line.get("Authorization").asText()).isEqualTo("****");
		assertThat(line.get("api-key").asText()).isEqualTo("****");
		assertThat(line.get("password").asText()).isEqualTo("****");
		assertThat(line.get("iban").asText()).isEqualTo("****");
		assertThat(line.get("customer").asText()).isEqualTo("bob");
		assertThat(line.get("message").asText()).isEqualTo("charged password=**** iban=****");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2", "k-123", "dXNlcjpwYXNz", "DE00");
	}

	@Test
	void masksTokensInsideMessagesAndValues() throws Exception {
		MDC.put("upstream", "Bearer sk_live_abcdef");
		this.logger.warn("refused eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_part from client");
		JsonNode line = single();
		assertThat(line.get("message").asText()).isEqualTo("refused **** from client");
		assertThat(line.get("upstream").asText()).isEqualTo("Bearer ****");
	}

	private JsonNode single() throws Exception {
		List<String> lines = new ArrayList<>(this.out.toString(StandardCharsets.UTF_8).lines().toList());
		assertThat(lines).hasSize(1);
		return JSON.readTree(lines.get(0));
	}

}
