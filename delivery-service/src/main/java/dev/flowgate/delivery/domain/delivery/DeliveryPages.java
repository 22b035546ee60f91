package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;
import java.util.List;

import dev.flowgate.delivery.domain.PageCursor;

/** An owner's deliveries, newest first, a page at a time. */
public interface DeliveryPages {

	/**
	 * @param status only deliveries in this status, or {@code null} for all
	 * @param after the previous page's cursor, or {@code null} for the first page
	 * @return up to {@code limit} deliveries, without their attempt logs
	 */
	List<Delivery> page(String ownerId, DeliveryStatus status, PageCursor after, int limit);

	/**
	 * The owner's failed deliveries that can be sent again (their message was kept),
	 * created at or after {@code since} ({@code null}: any), oldest first, without their
	 * attempt logs.
	 * @param after where the previous recovery stopped, or {@code null} to start at the
	 * oldest
	 */
	List<Delivery> failedSince(String ownerId, Instant since, PageCursor after, int limit);

}
