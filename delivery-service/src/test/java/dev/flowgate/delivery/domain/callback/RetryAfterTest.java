package dev.flowgate.delivery.domain.callback;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isZero();
	}

	@Test
	void readsAnHttpDate() {
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", NOW)).isZero();
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isNull();
	}

}
