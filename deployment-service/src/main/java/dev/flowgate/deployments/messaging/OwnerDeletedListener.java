package dev.flowgate.deployments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.deployments.domain.owner.OwnerErasure;

/**
 * Erases what this service keeps of an owner the platform admin deleted. The topic is
 * compacted and never cleared, so an erasure cut short (the offset is committed only
 * after it) is read and run again, as is every one by a new consumer group: erasing again
 * is harmless.
 */
@Component
class OwnerDeletedListener {

	private final OwnerErasure erasure;

	OwnerDeletedListener(OwnerErasure erasure) {
		this.erasure = erasure;
	}

	@KafkaListener(id = "deployment-service.owners", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).OWNERS.name()}")
	void on(FlowgateEvent event) {
		if (event instanceof OwnerDeleted deleted) {
			this.erasure.erase(deleted.ownerId());
		}
	}

}
