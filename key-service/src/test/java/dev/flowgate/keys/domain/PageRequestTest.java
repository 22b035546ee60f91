package dev.flowgate.keys.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageRequestTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");

	@Test
	void holdsAHundredItemsAPageUnlessAskedForFewer() {
		assertThat(PageRequest.DEFAULT_LIMIT).isEqualTo(100);
		assertThat(PageRequest.of(null, null).size()).isEqualTo(PageRequest.DEFAULT_LIMIT);
		assertThat(PageRequest.of(null, 1).size()).isEqualTo(1);
		assertThat(PageRequest.of(null, PageRequest.MAX_LIMIT).size()).isEqualTo(100);
	}

	@Test
	void readsACursorBackAsItWasWritten() {
		PageCursor cursor = new PageCursor(NOW, "8c3d2e3f-1a4b-4c5d-8e6f-7a8b9c0d1e2f");

		assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
		assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
		assertThat(PageRequest.of(cursor.encode(), 1).after()).isEqualTo(cursor);
	}

	@Test
	void endsAPageAtItsLastItemOnlyWhenMoreWereRead() {
		PageRequest two = PageRequest.of(null, 2);

		Page<String> full = two.pageOf(List.of("c", "b", "a"), (item) -> new PageCursor(NOW, item));
		Page<String> last = two.pageOf(List.of("b", "a"), (item) -> new PageCursor(NOW, item));

		assertThat(two.fetchSize()).isEqualTo(3);
		assertThat(full.items()).containsExactly("c", "b");
		assertThat(full.next()).isEqualTo(new PageCursor(NOW, "b"));
		assertThat(last.items()).containsExactly("b", "a");
		assertThat(last.nextCursor()).isNull();
	}

}
