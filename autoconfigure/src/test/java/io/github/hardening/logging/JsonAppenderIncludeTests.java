package io.github.hardening.logging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own Logback file that includes the starter's JSON appender, as documented in docs/logging.md.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonAppenderIncludeTests {

	private static final String USER_CONFIG = """
			<configuration>
			  <include resource="io/github/hardening/logging/json-console-appender.xml"/>
			  <root level="INFO">
			    <appender-ref ref="HARDENING_JSON_CONSOLE"/>
			  </root>
			</configuration>
			""";

	@Test
	void includedAppenderWritesMaskedJsonLines(CapturedOutput output) throws Exception {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(new ByteArrayInputStream(USER_CONFIG.getBytes(StandardCharsets.UTF_8)));
		try {
			context.getLogger("user.app").info("connecting with password=hunter2");
		}
		finally {
			context.stop();
		}
		String line = output.getOut().lines().filter((l) -> l.contains("user.app")).findFirst().orElseThrow();
		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(json.get("logger").asText()).isEqualTo("user.app");
		assertThat(json.get("message").asText()).isEqualTo("connecting with password=****");
	}

}
