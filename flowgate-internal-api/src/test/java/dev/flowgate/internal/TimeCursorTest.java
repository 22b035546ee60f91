package dev.flowgate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeCursorTest {

	@Test
	void readsBackWhatItGaveOutWithAnIdThatHoldsTheSeparator() {
		TimeCursor cursor = new TimeCursor(Instant.parse("2026-12-07T06:00:00.123Z"), "owner:1");

		assertThat(TimeCursor.decode(cursor.encode())).contains(cursor);
		assertThat(cursor.encode()).doesNotContain("=", "+", "/", ":");
	}

	@Test
	void takesNoTextItDidNotGiveOut() {
		for (String text : new String[] { "%%%", encoded("no-separator"), encoded("123:"), encoded("soon:id") }) {
			assertThat(TimeCursor.decode(text)).as(text).isEmpty();
		}
	}

	private static String encoded(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

}
