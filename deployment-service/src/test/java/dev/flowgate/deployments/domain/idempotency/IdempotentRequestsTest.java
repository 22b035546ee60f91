package dev.flowgate.deployments.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.infra.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentRequestsTest {

	private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

	private static final IdempotentRequests.Settings SETTINGS = new IdempotentRequests.Settings(Duration.ofHours(24),
			Duration.ofSeconds(60));

	private static final IdempotencyKey KEY = IdempotencyKey.of("o-1", "k-1");

	private static final String CREATE = RequestFingerprint.of("POST", "/v1/deployments", bytes("{\"flowId\":\"f\"}"));

	private static final StoredAnswer CREATED = new StoredAnswer(201, Map.of("Location", "/v1/deployments/d-1"),
			bytes("{\"id\":\"d-1\"}"));

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

	private final MutableClock clock = new MutableClock(START);

	private final IdempotentRequests requests = new IdempotentRequests(this.store, this.clock, SETTINGS);

	@Test
	void proceedsWithAFreshKeyAndMarksItInProgress() {
		Attempt attempt = this.requests.begin(KEY, CREATE);

		assertThat(attempt).isInstanceOf(Attempt.Proceed.class);
		assertThat(this.store.stored.get(KEY).answer()).isNull();
		assertThat(this.store.stored.get(KEY).startedAt()).isEqualTo(START);
	}

	@Test
	void replaysTheAnswerOfACompletedRequest() {
		complete(this.requests.begin(KEY, CREATE), CREATED);
		this.clock.set(START.plus(Duration.ofHours(23)));

		assertThat(this.requests.begin(KEY, CREATE)).isEqualTo(new Attempt.Replay(CREATED));
	}

	@Test
	void refusesTheKeyForAnotherBody() {
		complete(this.requests.begin(KEY, CREATE), CREATED);

		String other = RequestFingerprint.of("POST", "/v1/deployments", bytes("{\"flowId\":\"g\"}"));
		assertThatThrownBy(() -> this.requests.begin(KEY, other)).isInstanceOf(IdempotencyMismatchException.class)
			.hasMessage("This Idempotency-Key was sent within the last 24 h with another method, path or body");
	}

	@Test
	void refusesTheKeyForAnotherPath() {
		complete(this.requests.begin(KEY, CREATE), CREATED);

		String other = RequestFingerprint.of("POST", "/v1/flows", bytes("{\"flowId\":\"f\"}"));
		assertThatThrownBy(() -> this.requests.begin(KEY, other)).isInstanceOf(IdempotencyMismatchException.class);
	}

	@Test
	void keepsTheSameKeyOfAnotherOwnerApart() {
		complete(this.requests.begin(KEY, CREATE), CREATED);

		assertThat(this.requests.begin(IdempotencyKey.of("o-2", "k-1"), CREATE)).isInstanceOf(Attempt.Proceed.class);
	}

	@Test
	void refusesARepeatWhileTheFirstIsInProgress() {
		this.requests.begin(KEY, CREATE);
		this.clock.set(START.plusSeconds(59));

		assertThatThrownBy(() -> this.requests.begin(KEY, CREATE)).isInstanceOf(ConcurrentChangeException.class);
	}

	@Test
	void takesOverAnAttemptAbandonedInProgress() {
		this.requests.begin(KEY, CREATE);
		this.clock.set(START.plusSeconds(61));

		Attempt attempt = this.requests.begin(KEY, CREATE);

		assertThat(attempt).isInstanceOf(Attempt.Proceed.class);
		assertThat(this.store.stored.get(KEY).startedAt()).isEqualTo(START.plusSeconds(61));
	}

	@Test
	void ignoresTheAbandonedAttemptsLateCompletion() {
		Attempt.Proceed first = (Attempt.Proceed) this.requests.begin(KEY, CREATE);
		this.clock.set(START.plusSeconds(61));
		this.requests.begin(KEY, CREATE);

		complete(first, CREATED);

		assertThat(this.store.stored.get(KEY).answer()).isNull();
	}

	@Test
	void proceedsAnewOnceARecordExpired() {
		complete(this.requests.begin(KEY, CREATE), CREATED);
		this.clock.set(START.plus(Duration.ofHours(24)).plusSeconds(1));

		String other = RequestFingerprint.of("POST", "/v1/flows", bytes("{}"));
		assertThat(this.requests.begin(KEY, other)).isInstanceOf(Attempt.Proceed.class);
		assertThat(this.store.stored.get(KEY).fingerprint()).isEqualTo(other);
	}

	@Test
	void keepsNothingOfAFailedAttempt() {
		complete(this.requests.begin(KEY, CREATE), new StoredAnswer(422, Map.of(), bytes("{}")));

		assertThat(this.store.stored).isEmpty();
		String corrected = RequestFingerprint.of("POST", "/v1/deployments", bytes("{\"flowId\":\"g\"}"));
		assertThat(this.requests.begin(KEY, corrected)).isInstanceOf(Attempt.Proceed.class);
	}

	@Test
	void sweepsRecordsPastTheirKeepingTime() {
		complete(this.requests.begin(KEY, CREATE), CREATED);
		this.clock.set(START.plus(Duration.ofHours(1)));
		this.requests.begin(IdempotencyKey.of("o-1", "k-2"), CREATE);
		this.clock.set(START.plus(Duration.ofHours(24)).plusSeconds(1));

		assertThat(this.requests.sweep()).isEqualTo(1);
		assertThat(this.store.stored).containsOnlyKeys(IdempotencyKey.of("o-1", "k-2"));
	}

	@Test
	void rejectsABlankOrTooLongKey() {
		assertThatThrownBy(() -> IdempotencyKey.of("o-1", " ")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> IdempotencyKey.of("o-1", "k".repeat(256))).isInstanceOf(InvalidRequestException.class);
		assertThat(IdempotencyKey.of("o-1", "k".repeat(255)).key()).hasSize(255);
	}

	@Test
	void fingerprintsTheBodyBytesAsSent() {
		assertThat(RequestFingerprint.of("POST", "/v1/flows", bytes("{\"a\":1}")))
			.isEqualTo(RequestFingerprint.of("POST", "/v1/flows", bytes("{\"a\":1}")))
			.isNotEqualTo(RequestFingerprint.of("POST", "/v1/flows", bytes("{\"a\": 1}")))
			.isNotEqualTo(RequestFingerprint.of("PUT", "/v1/flows", bytes("{\"a\":1}")));
	}

	private void complete(Attempt attempt, StoredAnswer answer) {
		this.requests.complete(((Attempt.Proceed) attempt).claim(), answer);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
