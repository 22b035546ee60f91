package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.PageCursor;
import dev.flowgate.delivery.domain.PageLimit;

/** What owners see of their deliveries, and replays. */
public final class DeliveryService {

	private static final int DEFAULT_PAGE_SIZE = 20;

	/** A receiver back from an outage gets at most this many replays per call. */
	static final int MAX_RECOVERED_PER_CALL = 1000;

	private final DeliveryStore store;

	private final DeliveryPages pages;

	private final AttemptLog attempts;

	private final DeliveryDispatcher dispatcher;

	private final Map<DeliveryChannel, Channel> channels;

	private final Clock clock;

	public DeliveryService(DeliveryStore store, DeliveryPages pages, AttemptLog attempts, DeliveryDispatcher dispatcher,
			List<Channel> channels, Clock clock) {
		this.store = store;
		this.pages = pages;
		this.attempts = attempts;
		this.dispatcher = dispatcher;
		this.channels = channels.stream().collect(Collectors.toMap(Channel::id, Function.identity()));
		this.clock = clock;
	}

	/** The deliveries of an execution; none visible to this owner is a not-found. */
	public List<DeliveryView> forExecution(String ownerId, String executionId) {
		List<Delivery> deliveries = this.store.findByExecution(ownerId, executionId);
		if (deliveries.isEmpty()) {
			throw DeliveryNotFoundException.forExecution(executionId);
		}
		return views(deliveries);
	}

	/**
	 * A page of the owner's deliveries of all executions, newest first, each with its
	 * last attempt: say the failed ones, to see what a receiver missed and replay it.
	 * @param status a status token ({@code failed}, ...) or {@code null} for all
	 */
	public DeliveryPage list(String ownerId, String status, String cursor, Integer limit) {
		DeliveryStatus wanted = (status != null) ? statusOf(status) : null;
		int size = PageLimit.orDefault(limit, DEFAULT_PAGE_SIZE);
		PageCursor after = (cursor != null) ? PageCursor.decode(cursor) : null;
		List<Delivery> found = this.pages.page(ownerId, wanted, after, size + 1);
		List<Delivery> items = found.subList(0, Math.min(size, found.size()));
		return new DeliveryPage(summaries(items),
				(found.size() > size) ? cursorAfter(items.get(items.size() - 1)) : null);
	}

	public DeliveryView get(String ownerId, String deliveryId) {
		Delivery delivery = find(ownerId, deliveryId);
		return new DeliveryView(delivery, this.attempts.forDeliveries(List.of(deliveryId)));
	}

	/**
	 * Sends a finished delivery again now, with a fresh round of attempts and the same
	 * {@code webhook-id}.
	 * @throws PayloadNotKeptException for one over the payload limit: there is nothing to
	 * send
	 */
	public DeliveryView retry(String ownerId, String deliveryId) {
		Delivery delivery = find(ownerId, deliveryId);
		if (!delivery.message().hasContent()) {
			throw new PayloadNotKeptException(deliveryId);
		}
		if (delivery.status() == DeliveryStatus.PENDING
				|| !this.store.replay(delivery.replayed(this.clock.instant()), delivery.status())) {
			throw new DeliveryPendingException(deliveryId);
		}
		this.dispatcher.dispatchNow(deliveryId);
		return get(ownerId, deliveryId);
	}

	/**
	 * Sets the owner's failed deliveries created since {@code since} ({@code null}: all
	 * kept) to go out again, each with a fresh round of attempts and the same
	 * {@code webhook-id}, oldest first. The poller sends them as capacity allows, so a
	 * receiver back from an outage is not flooded. Those over the payload limit are left
	 * out: there is nothing to send; so are those their channel would refuse at once
	 * again (a refused address), which a loop of recoveries would only churn.
	 * @param cursor the previous call's {@code next}, to go on after what it took (which
	 * may have failed again since), or {@code null} to start at the oldest
	 */
	public Recovery recover(String ownerId, Instant since, String cursor) {
		PageCursor after = (cursor != null) ? PageCursor.decode(cursor) : null;
		List<Delivery> failed = this.pages.failedSince(ownerId, since, after, MAX_RECOVERED_PER_CALL + 1);
		List<Delivery> taken = failed.subList(0, Math.min(failed.size(), MAX_RECOVERED_PER_CALL));
		Instant now = this.clock.instant();
		int scheduled = 0;
		for (Delivery delivery : taken) {
			if (!refusesAtOnce(delivery) && this.store.replay(delivery.replayed(now), DeliveryStatus.FAILED)) {
				scheduled++;
			}
		}
		return new Recovery(scheduled,
				(failed.size() > taken.size()) ? cursorAfter(taken.get(taken.size() - 1)) : null);
	}

	private static PageCursor cursorAfter(Delivery last) {
		return new PageCursor(last.createdAt(), last.id());
	}

	private boolean refusesAtOnce(Delivery delivery) {
		Channel channel = this.channels.get(delivery.channel());
		return channel != null && channel.refusesAtOnce(delivery);
	}

	private List<DeliveryView> views(List<Delivery> deliveries) {
		Map<String, List<Attempt>> byDelivery = this.attempts
			.forDeliveries(deliveries.stream().map(Delivery::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Attempt::deliveryId));
		return deliveries.stream()
			.map((delivery) -> new DeliveryView(delivery, byDelivery.getOrDefault(delivery.id(), List.of())))
			.toList();
	}

	private List<DeliverySummary> summaries(List<Delivery> deliveries) {
		Map<String, Attempt> last = this.attempts.lastOf(deliveries.stream().map(Delivery::id).toList())
			.stream()
			.collect(Collectors.toMap(Attempt::deliveryId, Function.identity()));
		return deliveries.stream().map((delivery) -> new DeliverySummary(delivery, last.get(delivery.id()))).toList();
	}

	private static DeliveryStatus statusOf(String token) {
		return Arrays.stream(DeliveryStatus.values())
			.filter((status) -> status.name().toLowerCase(Locale.ROOT).equals(token))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("status",
					"must be one of " + Arrays.stream(DeliveryStatus.values())
						.map((status) -> status.name().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(", "))));
	}

	private Delivery find(String ownerId, String deliveryId) {
		return this.store.find(ownerId, deliveryId).orElseThrow(() -> DeliveryNotFoundException.delivery(deliveryId));
	}

}
