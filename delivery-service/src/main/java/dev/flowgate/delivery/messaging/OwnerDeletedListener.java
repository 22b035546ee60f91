package dev.flowgate.delivery.messaging;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.delivery.domain.owner.OwnerErasure;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what the service keeps of each owner the platform admin deleted. The topic is
 * compacted and never cleared, so a consumer group new to it, or a record read again
 * after a crash, erases again, which finds nothing left. A record that is not an
 * {@link OwnerDeleted} (undecodable, or another event) goes to the dead-letter topic; one
 * that fails for want of MongoDB is tried until it answers (the service's one error
 * handler). An erasure that outlasts {@code max.poll.interval.ms} (an owner with millions
 * of deliveries) costs a rebalance and runs again where the first one stopped. Deletions
 * are rare: one consumer per instance.
 */
@Component
class OwnerDeletedListener {

	private final OwnerErasure erasure;

	OwnerDeletedListener(OwnerErasure erasure) {
		this.erasure = erasure;
	}

	@KafkaListener(id = "delivery-service.owners", groupId = "${flowgate.delivery.consumer-group}",
			topics = "#{T(dev.flowgate.contracts.Topics).OWNERS.name()}", concurrency = "1")
	void on(FlowgateEvent event) {
		if (!(event instanceof OwnerDeleted deleted)) {
			throw new IllegalArgumentException(
					"Not an OwnerDeleted: " + ((event != null) ? event.getClass().getSimpleName() : "no value"));
		}
		this.erasure.erase(deleted.ownerId());
	}

}
