package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.InFlightExecutionsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;

/**
 * Counts against this replica's limits what the other replicas counted against theirs:
 * calls under rate limits are taken from its buckets, executions in flight added to its
 * concurrency counts. What this process sent itself is skipped unread.
 */
public final class SharedLimitCounts {

	private final RateLimits limits;

	private final InFlightElsewhere inFlightElsewhere;

	private final String gatewayId;

	/** In whole milliseconds, as Kafka stamps records. */
	private final Instant startedAt;

	private final IntConsumer requestsReceived;

	/**
	 * @param gatewayId this replica's id, the key of the counts it sends
	 * @param clock the system clock, as Kafka's timestamps are
	 * @param requestsReceived told how many calls under rate limits each count from
	 * another replica brought (a metric)
	 */
	public SharedLimitCounts(RateLimits limits, InFlightElsewhere inFlightElsewhere, String gatewayId, Clock clock,
			IntConsumer requestsReceived) {
		this.limits = limits;
		this.inFlightElsewhere = inFlightElsewhere;
		this.gatewayId = gatewayId;
		this.startedAt = Instant.ofEpochMilli(clock.millis());
		this.requestsReceived = requestsReceived;
	}

	/** The calls under rate limits a count holds. */
	public static int requests(List<Counted> counted) {
		return counted.stream().mapToInt(Counted::requests).sum();
	}

	/**
	 * @param senderId the replica that sent the counts
	 * @param sentAt when they were sent
	 * @param counts read only when another replica sent them
	 */
	public void received(String senderId, Instant sentAt, Supplier<FlowgateEvent> counts) {
		if (sentByThisProcess(senderId, sentAt)) {
			return;
		}
		FlowgateEvent event = counts.get();
		if (event instanceof RateLimitRequestsCounted requests) {
			this.limits.countedElsewhere(requests.counted(), requests.occurredAt());
			this.requestsReceived.accept(requests(requests.counted()));
		}
		else if (event instanceof InFlightExecutionsCounted inFlight) {
			this.inFlightElsewhere.counted(inFlight.gatewayId(), inFlight.deployments(), inFlight.occurredAt());
		}
	}

	/**
	 * Its own id, sent since this process started: a replica restarted under the same id
	 * (a pod's name) still counts what it allowed before.
	 */
	private boolean sentByThisProcess(String senderId, Instant sentAt) {
		return this.gatewayId.equals(senderId) && !sentAt.isBefore(this.startedAt);
	}

}
