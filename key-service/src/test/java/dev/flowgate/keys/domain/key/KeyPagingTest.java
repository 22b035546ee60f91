package dev.flowgate.keys.domain.key;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyPagingTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");

	private static final int KEYS_PER_OWNER = 10;

	/** Far more than any test's list needs: a cursor that never ends fails the test. */
	private static final int MAX_PAGES = 20;

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, KEYS_PER_OWNER);

	private final KeyService keys = this.domain.keys();

	@Test
	void pagesKeysNewestFirst() {
		List<ApiKey> issued = new ArrayList<>();
		issued.add(issue("owner-1"));
		this.clock.advance(Duration.ofMillis(1));
		// Three in the same millisecond: the id orders them.
		for (int i = 0; i < 3; i++) {
			issued.add(issue("owner-1"));
		}
		this.clock.advance(Duration.ofMillis(1));
		issued.add(issue("owner-1"));
		issue("owner-2");

		List<Page<ApiKey>> pages = walk("owner-1", 2);

		assertThat(pages).extracting((page) -> page.items().size()).containsExactly(2, 2, 1);
		assertThat(ids(pages)).containsExactlyElementsOf(issued.stream()
			.sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed())
			.map(ApiKey::id)
			.toList());
		assertThat(pages.get(2).nextCursor()).isNull();
	}

	@Test
	void leavesAKeyCreatedWhilePagingOutOfThatPass() {
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			before.add(0, issue("owner-1").id());
			this.clock.advance(Duration.ofMillis(1));
		}
		Page<ApiKey> first = this.keys.list("owner-1", null, 2);

		String late = issue("owner-1").id();
		Page<ApiKey> second = this.keys.list("owner-1", first.nextCursor(), 2);

		assertThat(ids(List.of(first, second))).containsExactlyElementsOf(before).doesNotContain(late);
		assertThat(second.nextCursor()).isNull();
		assertThat(this.keys.list("owner-1", null, 2).items().get(0).id()).isEqualTo(late);
	}

	@Test
	void leavesDeletedKeysOut() {
		String kept = issue("owner-1").id();
		this.clock.advance(Duration.ofMillis(1));
		String deleted = issue("owner-1").id();
		this.keys.delete("owner-1", deleted);

		Page<ApiKey> page = this.keys.list("owner-1", null, null);

		assertThat(page.items()).extracting(ApiKey::id).containsExactly(kept);
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void answersAnOutOfRangeLimitNamingIt() {
		for (int wrong : new int[] { 0, -1, PageRequest.MAX_LIMIT + 1 }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> this.keys.list("owner-1", null, wrong))
				.satisfies((ex) -> assertThat(ex.fields()).containsExactly("limit"))
				.withMessage("limit must be from 1 to 100");
		}
	}

	@Test
	void refusesACursorItDidNotIssue() {
		for (String text : List.of("%%%", "", opaque("nope"), opaque("soon:x"), opaque("123:"), opaque(":x"))) {
			assertThatExceptionOfType(InvalidRequestException.class).as(text)
				.isThrownBy(() -> this.keys.list("owner-1", text, null))
				.satisfies((ex) -> assertThat(ex.fields()).containsExactly("cursor"))
				.withMessage("cursor is not a cursor from a previous page");
		}
	}

	private ApiKey issue(String ownerId) {
		return this.domain.issuer().issue(ownerId, KeyRequest.firstKey()).key();
	}

	private List<Page<ApiKey>> walk(String ownerId, int limit) {
		List<Page<ApiKey>> pages = new ArrayList<>();
		String cursor = null;
		do {
			Page<ApiKey> page = this.keys.list(ownerId, cursor, limit);
			pages.add(page);
			cursor = page.nextCursor();
		}
		while (cursor != null && pages.size() < MAX_PAGES);
		return pages;
	}

	private static List<String> ids(List<Page<ApiKey>> pages) {
		return pages.stream().flatMap((page) -> page.items().stream()).map(ApiKey::id).toList();
	}

	private static String opaque(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

}
