package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an execution result into one delivery per channel it names, stored with its
 * schedule before anything is sent. A redelivered result finds them stored and adds
 * nothing. A result of an erased owner (an execution still running when the owner was
 * deleted) is dropped: nothing of it is stored or sent.
 */
public final class DeliveryIntake {

	private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);

	private final List<Channel> channels;

	private final DeliveryDispatcher dispatcher;

	private final FailureReporter failures;

	private final RetryPolicy retry;

	private final ErasedOwners erased;

	private final long maxPayloadBytes;

	private final Clock clock;

	public DeliveryIntake(List<Channel> channels, DeliveryDispatcher dispatcher, FailureReporter failures,
			RetryPolicy retry, ErasedOwners erased, long maxPayloadBytes, Clock clock) {
		this.channels = List.copyOf(channels);
		this.dispatcher = dispatcher;
		this.failures = failures;
		this.retry = retry;
		this.erased = erased;
		this.maxPayloadBytes = maxPayloadBytes;
		this.clock = clock;
	}

	public void accept(ExecutionCompleted result) {
		acceptAll(List.of(result));
	}

	/**
	 * Stores the deliveries of several results in one write, as if accepted one by one.
	 */
	public void acceptAll(List<ExecutionCompleted> results) {
		Instant now = this.clock.instant();
		Set<String> erasedOwners = this.erased.erasedAmong(
				results.stream().map(ExecutionCompleted::ownerId).filter(Objects::nonNull).distinct().toList());
		// A result redelivered within the batch gives the same ids: the first one counts.
		Map<String, Delivery> deliveries = new LinkedHashMap<>();
		for (ExecutionCompleted result : results) {
			if (erasedOwners.contains(result.ownerId())) {
				log.info("Result of execution {} not delivered: its owner {} was deleted", result.executionId(),
						result.ownerId());
				continue;
			}
			for (Channel channel : this.channels) {
				channel.prepare(result)
					.map((prepared) -> create(result, channel.id(), prepared, now))
					.ifPresent((delivery) -> deliveries.putIfAbsent(delivery.id(), delivery));
			}
		}
		Set<String> inserted = this.dispatcher.admit(List.copyOf(deliveries.values()));
		deliveries.values()
			.stream()
			.filter((delivery) -> delivery.status() == DeliveryStatus.FAILED && inserted.contains(delivery.id()))
			.forEach(this.failures::report);
	}

	private Delivery create(ExecutionCompleted result, DeliveryChannel channel, Channel.Prepared prepared,
			Instant now) {
		DeliveryStatus status = prepared.status();
		String reason = prepared.reason();
		Message message = prepared.message();
		long size = message.size();
		if (status == DeliveryStatus.PENDING && size > this.maxPayloadBytes) {
			status = DeliveryStatus.FAILED;
			reason = "Payload of " + size + " bytes exceeds the limit of " + this.maxPayloadBytes + " bytes; not sent";
			// Not kept: it will never be sent, and could outgrow a stored document.
			message = message.withoutContent();
		}
		boolean pending = status == DeliveryStatus.PENDING;
		return new Delivery(Delivery.idFor(result.executionId(), channel), result.executionId(), result.ownerId(),
				result.deploymentId(), channel, prepared.destination(), prepared.destinationKey(), message, status, 0,
				0, pending ? now.plus(this.retry.firstDelay()) : null, reason, now, now, pending ? null : now,
				(status == DeliveryStatus.FAILED) ? UUID.randomUUID() : null);
	}

}
