package dev.flowgate.deployments.domain.deployment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.flowgate.deployments.domain.TimeCursor;

/** Pages newest first, the id breaking ties, as MongoDB's NewestFirst queries do. */
final class NewestFirstPages {

	private NewestFirstPages() {
	}

	/** Up to {@code count} of {@code items} after {@code after} in that order. */
	static <T> List<T> page(Stream<T> items, Function<T, Instant> time, Function<T, String> id, TimeCursor after,
			int count) {
		Comparator<T> newestFirst = Comparator.comparing(time).thenComparing(id).reversed();
		return items.sorted(newestFirst)
			.filter((item) -> after == null || isAfter(time.apply(item), id.apply(item), after))
			.limit(count)
			.toList();
	}

	private static boolean isAfter(Instant time, String id, TimeCursor cursor) {
		return time.isBefore(cursor.at()) || time.equals(cursor.at()) && id.compareTo(cursor.id()) < 0;
	}

}
