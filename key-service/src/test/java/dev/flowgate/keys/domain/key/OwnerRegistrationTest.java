package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.owner.OwnerService;
import dev.flowgate.keys.domain.owner.RegisteredOwner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerRegistrationTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

	private final InMemoryOwnerStore ownerStore = new InMemoryOwnerStore();

	@Test
	void registersAnOwnerWithItsFirstKey() {
		InMemoryKeyStore keys = new InMemoryKeyStore();

		RegisteredOwner registered = owners(keys).register("acme");

		assertThat(this.ownerStore.stored()).containsOnlyKeys(registered.owner().id());
		assertThat(keys.findOwned(registered.owner().id(), registered.key().key().id())).isPresent();
	}

	@Test
	void leavesNoOwnerBehindWhenItsFirstKeyCannotBeStored() {
		InMemoryKeyStore unavailable = new InMemoryKeyStore() {

			@Override
			public void insert(ApiKey key) {
				throw new IllegalStateException("the key store is unavailable");
			}

		};

		assertThatThrownBy(() -> owners(unavailable).register("acme")).hasMessage("the key store is unavailable");
		assertThat(this.ownerStore.stored()).isEmpty();
	}

	private OwnerService owners(InMemoryKeyStore keys) {
		KeyService keyService = new KeyService(keys,
				new KeyPublication(keys, new RecordingPublisher(), this.clock, Duration.ofSeconds(60),
						Duration.ofSeconds(35), 10),
				new InMemoryDeploymentDirectory(), DeletedOwners.NONE, this.clock, 10, Duration.ofSeconds(60));
		return new OwnerService(this.ownerStore, keyService, this.clock);
	}

}
