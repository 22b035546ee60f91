package dev.flowgate.keys.domain.key;

import java.time.Instant;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.InvalidRequestException;
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
	void refusesAnOwnerNameWithControlCharacters() {
		assertThatThrownBy(() -> owners(new InMemoryKeyStore()).register("acme\u001b[2J"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("must not contain control characters");
		assertThat(this.ownerStore.stored()).isEmpty();
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
		return new InMemoryKeys(this.clock, keys, DeletedOwners.NONE, 10, 10).owners(this.ownerStore);
	}

}
