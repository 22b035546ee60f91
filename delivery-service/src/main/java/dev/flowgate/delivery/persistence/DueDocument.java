package dev.flowgate.delivery.persistence;

import dev.flowgate.delivery.domain.delivery.DeliveryStore;

import org.springframework.data.annotation.Id;

/** What the poller reads of a due delivery: enough to claim it. */
record DueDocument(@Id String id, String destinationKey, String leaseToken) {

	DeliveryStore.Due toDue() {
		return new DeliveryStore.Due(this.id, this.destinationKey, this.leaseToken);
	}

}
