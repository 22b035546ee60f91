package dev.flowgate.deployments.persistence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.flowgate.deployments.domain.TimeCursor;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A page of a list newest first by a time field, the id breaking ties, that starts after
 * a {@link TimeCursor}. An index on the owner, that field and {@code _id} (both
 * descending) gives this order whole, so a page reads only its own documents.
 */
final class NewestFirst {

	private static final String ID = "_id";

	private NewestFirst() {
	}

	/**
	 * @param owned which documents the list holds
	 * @param after where the previous page ended, or {@code null} for the first page
	 */
	static Query page(Criteria owned, String timeField, TimeCursor after, int count) {
		Criteria criteria = (after != null) ? new Criteria().andOperator(owned, olderThan(timeField, after)) : owned;
		return Query.query(criteria).with(sort(timeField)).limit(count);
	}

	/** What comes after {@code cursor} in this order. */
	static Criteria olderThan(String timeField, TimeCursor cursor) {
		return new Criteria().orOperator(where(timeField).lt(cursor.at()),
				where(timeField).is(cursor.at()).and(ID).lt(cursor.id()));
	}

	static Sort sort(String timeField) {
		return Sort.by(Sort.Direction.DESC, timeField, ID);
	}

}
