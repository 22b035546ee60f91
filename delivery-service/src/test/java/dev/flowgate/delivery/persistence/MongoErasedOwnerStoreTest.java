package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.List;

import dev.flowgate.delivery.support.FreshDatabases;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Erased owners against the real MongoDB server: recorded once, found by id. */
@FlowgateInfra
class MongoErasedOwnerStoreTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private MongoTemplate mongo;

	private MongoErasedOwnerStore store;

	@BeforeEach
	void freshDatabase() {
		this.mongo = FreshDatabases.create("erased_owners");
		this.store = new MongoErasedOwnerStore(this.mongo);
	}

	@Test
	void recordsAnOwnerOnceWithTheTimeOfTheFirstErasure() {
		this.store.add("owner-1", NOW);
		this.store.add("owner-1", NOW.plusSeconds(3600));

		assertThat(this.store.contains("owner-1")).isTrue();
		assertThat(this.store.contains("owner-2")).isFalse();
		assertThat(this.store.containedIn(List.of("owner-1", "owner-2"))).containsExactly("owner-1");
		assertThat(this.mongo.findAll(ErasedOwnerDocument.class))
			.containsExactly(new ErasedOwnerDocument("owner-1", NOW));
	}

}
