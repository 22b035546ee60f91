package dev.flowgate.keys.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeySecret;
import dev.flowgate.keys.domain.key.KeyStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB reads a page of the key list itself: newest first, keys of the same millisecond
 * by id, from where the previous page ended, without deleted keys.
 */
@KeyServiceIntegrationTest
class KeyListQueryTest {

	private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private KeyStore store;

	@Test
	void pagesKeysNewestFirstWithTheIdBreakingTies() {
		String ownerId = "owner-" + UUID.randomUUID();
		ApiKey oldest = insert(ownerId, AT.minusMillis(2), "b");
		ApiKey tiedLow = insert(ownerId, AT.minusMillis(1), "a");
		ApiKey tiedHigh = insert(ownerId, AT.minusMillis(1), "c");
		ApiKey tiedMiddle = insert(ownerId, AT.minusMillis(1), "b");
		ApiKey newest = insert(ownerId, AT, "a");
		insert("owner-" + UUID.randomUUID(), AT.minusMillis(1), "b");

		List<ApiKey> first = this.store.findNewestOwned(ownerId, null, 2);
		List<ApiKey> second = this.store.findNewestOwned(ownerId, cursorAt(first), 2);
		List<ApiKey> third = this.store.findNewestOwned(ownerId, cursorAt(second), 2);

		List<ApiKey> all = new ArrayList<>(first);
		all.addAll(second);
		all.addAll(third);
		assertThat(all).extracting(ApiKey::id)
			.containsExactly(newest.id(), tiedHigh.id(), tiedMiddle.id(), tiedLow.id(), oldest.id());
		assertThat(third).hasSize(1);
	}

	@Test
	void leavesDeletedKeysOut() {
		String ownerId = "owner-" + UUID.randomUUID();
		ApiKey kept = insert(ownerId, AT.minusMillis(1), "a");
		ApiKey deleted = insert(ownerId, AT, "b");
		assertThat(this.store.replace(deleted.delete())).isTrue();

		assertThat(this.store.findNewestOwned(ownerId, null, 10)).extracting(ApiKey::id).containsExactly(kept.id());
	}

	/**
	 * A key whose id starts with {@code idPrefix}, which orders keys of the same time.
	 */
	private ApiKey insert(String ownerId, Instant createdAt, String idPrefix) {
		ApiKey key = ApiKey.issue(idPrefix + "-" + UUID.randomUUID(), ownerId, KeyRequest.firstKey(),
				KeySecret.generate(new SecureRandom()), createdAt);
		this.store.insert(key);
		return key;
	}

	private static PageCursor cursorAt(List<ApiKey> page) {
		ApiKey last = page.get(page.size() - 1);
		return new PageCursor(last.createdAt(), last.id());
	}

}
