package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LastUseRecorderTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	private static final Duration RESOLUTION = Duration.ofSeconds(60);

	private final InMemoryKeyStore store = new InMemoryKeyStore();

	private final LastUseRecorder uses = new LastUseRecorder(this.store, RESOLUTION);

	private final String keyId = issued();

	@Test
	void recordsUseOnlyOncePerResolutionWithoutANewVersion() {
		Instant firstUse = NOW.plusSeconds(1);

		this.uses.record(this.keyId, firstUse);
		this.uses.record(this.keyId, firstUse.plus(RESOLUTION).minusSeconds(1));
		assertThat(this.store.stored(this.keyId).lastUsedAt()).isEqualTo(firstUse.truncatedTo(ChronoUnit.MILLIS));

		Instant later = firstUse.plus(RESOLUTION).plusSeconds(1);
		this.uses.record(this.keyId, later);
		assertThat(this.store.stored(this.keyId).lastUsedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
		// Nothing to publish: the gateways do not hold the last use.
		assertThat(this.store.stored(this.keyId).version()).isEqualTo(ApiKey.FIRST_VERSION);
	}

	@Test
	void writesAUseWithinTheResolutionOfItsLastWriteNotAtAll() {
		Instant firstUse = NOW.plusSeconds(1);

		for (int second = 0; second < 10; second++) {
			this.uses.record(this.keyId, firstUse.plusSeconds(second));
		}
		Instant later = firstUse.plus(RESOLUTION).plusSeconds(10);
		this.uses.record(this.keyId, later);

		assertThat(this.store.useWrites()).isEqualTo(2);
		assertThat(this.store.stored(this.keyId).lastUsedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
	}

	@Test
	void ignoresUseWithoutAKeyOrATime() {
		this.uses.record(null, NOW);
		this.uses.record(this.keyId, null);

		assertThat(this.store.useWrites()).isZero();
	}

	private String issued() {
		ApiKey key = ApiKey.issue("k1", "owner-1", KeyRequest.firstKey(), KeySecret.generate(new SecureRandom()), NOW);
		this.store.insert(key);
		return key.id();
	}

}
