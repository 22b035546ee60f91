package dev.flowgate.infra;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailJsonTest {

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(MailJson.string("a \"q\" \\ b\n\t\u0001")).isEqualTo("\"a \\\"q\\\" \\\\ b\\n\\t\\u0001\"");
	}

	@Test
	void writesMissingBodiesAsNull() {
		ReceivedMail mail = new ReceivedMail("f@x.test", List.of("t@x.test"), "s", "body", null,
				Instant.parse("2026-11-23T10:00:00Z"));

		assertThat(MailJson.toJson(List.of(mail))).isEqualTo("[{\"from\":\"f@x.test\",\"to\":[\"t@x.test\"],"
				+ "\"subject\":\"s\",\"text\":\"body\",\"html\":null,\"receivedAt\":\"2026-11-23T10:00:00Z\"}]");
	}

}
