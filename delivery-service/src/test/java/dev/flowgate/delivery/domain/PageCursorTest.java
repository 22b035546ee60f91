package dev.flowgate.delivery.domain;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageCursorTest {

	@Test
	void readsBackWhatItGaveOutWithAnIdThatHoldsTheSeparator() {
		PageCursor cursor = new PageCursor(Instant.parse("2026-12-07T06:00:00.123Z"), "owner:1");

		assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
		assertThat(cursor.encode()).doesNotContain("=", "+", "/", ":");
	}

	@Test
	void refusesTextItDidNotGiveOut() {
		for (String text : new String[] { "%%%", encoded("no-separator"), encoded("123:"), encoded("soon:id") }) {
			assertThatExceptionOfType(InvalidRequestException.class).as(text)
				.isThrownBy(() -> PageCursor.decode(text))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
		}
	}

	private static String encoded(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes());
	}

}
