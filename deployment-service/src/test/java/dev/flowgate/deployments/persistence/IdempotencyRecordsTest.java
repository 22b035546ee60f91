package dev.flowgate.deployments.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotencyRecord;
import dev.flowgate.deployments.domain.idempotency.StoredAnswer;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency records in the real MongoDB: races decided by the store, expiry. */
@IntegrationTest
class IdempotencyRecordsTest {

	private static final StoredAnswer CREATED = new StoredAnswer(201,
			Map.of("Location", "/v1/deployments/d-1", "Content-Type", "application/json"),
			"{\"id\":\"d-1\"}".getBytes(StandardCharsets.UTF_8));

	@Autowired
	private MongoIdempotencyStore store;

	@Autowired
	private RetentionSweeper sweeper;

	@Autowired
	private MongoTemplate mongo;

	private final IdempotencyKey key = new IdempotencyKey("owner-" + UUID.randomUUID(), "key-1");

	@Test
	void insertsAKeyOnceAndKeepsItsAnswer() {
		IdempotencyRecord claim = started(Instant.now());

		assertThat(this.store.insert(claim)).isTrue();
		assertThat(this.store.insert(started(Instant.now()))).isFalse();
		this.store.complete(claim, CREATED);

		StoredAnswer kept = this.store.find(this.key).orElseThrow().answer();
		assertThat(kept.status()).isEqualTo(201);
		assertThat(kept.headers()).isEqualTo(CREATED.headers());
		assertThat(kept.body()).isEqualTo(CREATED.body());
	}

	@Test
	void keepsNoLateAnswerOfAnAttemptTakenOver() {
		IdempotencyRecord abandoned = started(Instant.now().minusSeconds(61));
		this.store.insert(abandoned);
		IdempotencyRecord takeOver = started(Instant.now());

		assertThat(this.store.replace(abandoned, takeOver)).isTrue();
		assertThat(this.store.replace(abandoned, started(Instant.now()))).as("taken over already").isFalse();
		this.store.complete(abandoned, CREATED);
		this.store.release(abandoned);

		IdempotencyRecord stored = this.store.find(this.key).orElseThrow();
		assertThat(stored.startedAt()).isEqualTo(takeOver.startedAt());
		assertThat(stored.answer()).isNull();
	}

	@Test
	void sweepRemovesRecordsPastTheirKeepingTime() {
		IdempotencyKey recent = new IdempotencyKey(this.key.ownerId(), "key-2");
		this.store.insert(started(Instant.now().minus(Duration.ofHours(25))));
		this.store.insert(new IdempotencyRecord(recent, "POST /v1/flows", millis(Instant.now()), null));

		this.sweeper.sweep();

		assertThat(this.store.find(this.key)).isEmpty();
		assertThat(this.store.find(recent)).isPresent();
	}

	@Test
	void expiresRecordsByATtlIndexWhereMongoDbHonoursIt() {
		Document index = null;
		for (Document each : this.mongo.getCollection(MongoIdempotencyStore.COLLECTION).listIndexes()) {
			if (MongoIdempotencyStore.TTL_INDEX.equals(each.getString("name"))) {
				index = each;
			}
		}
		assertThat(index).isNotNull();
		assertThat(((Number) index.get(RetentionTtl.EXPIRY)).longValue()).isEqualTo(Duration.ofHours(24).toSeconds());
		assertThat(index.get("key", Document.class)).containsOnlyKeys(MongoIdempotencyStore.STARTED_AT);
	}

	private IdempotencyRecord started(Instant at) {
		return new IdempotencyRecord(this.key, "POST /v1/deployments sha256:00", millis(at), null);
	}

	private static Instant millis(Instant at) {
		return at.truncatedTo(ChronoUnit.MILLIS);
	}

}
