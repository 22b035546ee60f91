package dev.flowgate.keys.persistence;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeySecret;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.keys.domain.owner.Owner;
import dev.flowgate.keys.domain.owner.OwnerStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB reads a page of the owner list itself (newest first, owners of the same
 * millisecond by id, from where the previous page ended) and counts the keys of a page's
 * owners that work.
 */
@KeyServiceIntegrationTest
class OwnerQueriesTest {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private OwnerStore owners;

	@Autowired
	private KeyStore keys;

	@Test
	void pagesOwnersNewestFirstWithTheIdBreakingTies() {
		// Long before any other test's owners, at a moment of this test's own.
		Instant at = Instant.parse("1990-01-01T00:00:00Z")
			.plusMillis(ThreadLocalRandom.current().nextLong(Duration.ofDays(3650).toMillis()));
		Owner oldest = insert(at.minusMillis(2), "b");
		Owner tiedLow = insert(at.minusMillis(1), "a");
		Owner tiedHigh = insert(at.minusMillis(1), "c");
		Owner tiedMiddle = insert(at.minusMillis(1), "b");
		Owner newest = insert(at, "a");

		List<Owner> first = this.owners.findNewest(new PageCursor(at.plusMillis(1), ""), 2);
		List<Owner> second = this.owners.findNewest(cursorAt(first), 2);
		List<Owner> third = this.owners.findNewest(cursorAt(second), 1);

		List<Owner> all = new ArrayList<>(first);
		all.addAll(second);
		all.addAll(third);
		assertThat(all).extracting(Owner::id)
			.containsExactly(newest.id(), tiedHigh.id(), tiedMiddle.id(), tiedLow.id(), oldest.id());
		assertThat(this.owners.find(newest.id())).contains(newest);
	}

	@Test
	void countsTheKeysThatAreActiveUnexpiredAndNotDeleted() {
		String acme = "owner-" + UUID.randomUUID();
		String keyless = "owner-" + UUID.randomUUID();
		String other = "owner-" + UUID.randomUUID();
		insertKey(acme, null);
		insertKey(acme, NOW.plusMillis(1));
		insertKey(acme, NOW);
		ApiKey inactive = insertKey(acme, null);
		assertThat(this.keys.replace(inactive.deactivate())).isTrue();
		ApiKey deleted = insertKey(acme, null);
		assertThat(this.keys.replace(deleted.delete())).isTrue();
		ApiKey inactiveAgain = insertKey(keyless, null);
		assertThat(this.keys.replace(inactiveAgain.deactivate())).isTrue();
		insertKey(other, null);

		assertThat(this.keys.countActive(Set.of(acme, keyless), NOW))
			.as("one without expiry, one expiring after now; none of the other owner's")
			.containsOnlyKeys(acme)
			.containsEntry(acme, 2L);
	}

	private Owner insert(Instant createdAt, String idPrefix) {
		Owner owner = new Owner(idPrefix + "-" + UUID.randomUUID(), "owner " + idPrefix, createdAt);
		this.owners.insert(owner);
		return owner;
	}

	/** A key made an hour ago that expires at {@code expiresAt}, or never. */
	private ApiKey insertKey(String ownerId, Instant expiresAt) {
		ApiKey key = ApiKey.issue(UUID.randomUUID().toString(), ownerId,
				KeyRequest.of("k", null, null, expiresAt, null), KeySecret.generate(new SecureRandom()),
				NOW.minus(Duration.ofHours(1)));
		this.keys.insert(key);
		return key;
	}

	private static PageCursor cursorAt(List<Owner> page) {
		Owner last = page.get(page.size() - 1);
		return new PageCursor(last.createdAt(), last.id());
	}

}
