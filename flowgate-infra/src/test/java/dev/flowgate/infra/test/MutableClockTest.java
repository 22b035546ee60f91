package dev.flowgate.infra.test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

	private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void standsStillUntilMovedOrSet() {
		MutableClock clock = new MutableClock(START);

		assertThat(clock.instant()).isEqualTo(START);
		clock.advance(Duration.ofSeconds(90));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
		clock.set(START.minusSeconds(5));
		assertThat(clock.instant()).isEqualTo(START.minusSeconds(5));
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
	}

}
