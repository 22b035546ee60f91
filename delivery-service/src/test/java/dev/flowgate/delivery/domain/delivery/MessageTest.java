package dev.flowgate.delivery.domain.delivery;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "{\"a\":1}", "café", "日本語", "emoji \uD83D\uDE80 here", "lone \uD83D high",
			"lone \uDE80 low", "end \uD83D" })
	void sizeIsTheBytesSent(String text) {
		int sent = text.getBytes(StandardCharsets.UTF_8).length;

		assertThat(Message.callback(text).size()).isEqualTo(sent);
		assertThat(Message.email(text, text, text).size()).isEqualTo(3L * sent);
		assertThat(Message.email(text, text, null).size()).isEqualTo(2L * sent);
	}

	@Test
	void aMessageKeptWithoutItsContentHasNone() {
		assertThat(Message.callback("{}").hasContent()).isTrue();
		assertThat(Message.email("Subject", "text", "<p>text</p>").hasContent()).isTrue();
		assertThat(Message.callback("{}").withoutContent().hasContent()).isFalse();
		assertThat(Message.email("Subject", "text", "<p>text</p>").withoutContent().hasContent()).isFalse();
	}

}
