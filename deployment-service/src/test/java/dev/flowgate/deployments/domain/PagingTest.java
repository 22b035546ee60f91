package dev.flowgate.deployments.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.flow.VersionCursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

	private static final FieldProblem NOT_A_CURSOR = new FieldProblem("cursor", "is not a cursor from a previous page");

	@Test
	void aCursorReadsBackAsItWasWritten() {
		TimeCursor time = new TimeCursor(Instant.parse("2026-11-23T10:15:30.123Z"), "id:with:colons");
		VersionCursor version = new VersionCursor(7);

		assertThat(TimeCursor.decode(time.encode())).isEqualTo(time);
		assertThat(VersionCursor.decode(version.encode())).isEqualTo(version);
	}

	@Test
	void refusesACursorThisServiceDidNotMake() {
		String timeCursor = new TimeCursor(Instant.EPOCH, "x").encode();
		for (String text : List.of("%%%", PageCursor.opaque("nope"), PageCursor.opaque("soon:x"))) {
			assertRefused(() -> TimeCursor.decode(text));
		}
		for (String text : List.of("%%%", PageCursor.opaque("0"), PageCursor.opaque("-3"), timeCursor)) {
			assertRefused(() -> VersionCursor.decode(text));
		}
	}

	@Test
	void aPageReadOnePastItsLimitEndsWithACursorAtItsLastItem() {
		ResultPage<Integer> page = ResultPage.of(List.of(5, 4, 3), 2, VersionCursor::new);

		assertThat(page.items()).containsExactly(5, 4);
		assertThat(page.next()).isEqualTo(new VersionCursor(4));
		assertThat(page.nextCursor()).isEqualTo(new VersionCursor(4).encode());
	}

	@Test
	void aPageWithNothingPastItsLimitIsTheLast() {
		ResultPage<Integer> page = ResultPage.of(List.of(2, 1), 2, VersionCursor::new);

		assertThat(page.items()).containsExactly(2, 1);
		assertThat(page.nextCursor()).isNull();
		assertThat(ResultPage.fetchSize(2)).isEqualTo(3);
	}

	@Test
	void aLimitIsFromOneToTheMaximumAndDefaultsWhenAbsent() {
		assertThat(PageLimit.orDefault(null, PageLimit.WHOLE_LIST_DEFAULT)).isEqualTo(PageLimit.MAX);
		assertThat(PageLimit.orDefault(1, PageLimit.WHOLE_LIST_DEFAULT)).isEqualTo(1);
		for (int wrong : new int[] { 0, PageLimit.MAX + 1 }) {
			assertThatThrownBy(() -> PageLimit.orDefault(wrong, PageLimit.WHOLE_LIST_DEFAULT))
				.isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.problems())
					.containsExactly(new FieldProblem("limit", "must be from 1 to " + PageLimit.MAX)));
		}
	}

	private static void assertRefused(Runnable decode) {
		assertThatThrownBy(decode::run).isInstanceOfSatisfying(InvalidRequestException.class,
				(ex) -> assertThat(ex.problems()).containsExactly(NOT_A_CURSOR));
	}

}
