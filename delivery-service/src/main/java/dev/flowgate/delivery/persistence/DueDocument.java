package dev.flowgate.delivery.persistence;

import dev.flowgate.delivery.domain.delivery.DeliveryStore;

import org.springframework.data.annotation.Id;

/**
 * What the poller reads of a due delivery: enough to claim it, and the size of its
 * message, to claim no more than fits.
 */
record DueDocument(@Id String id, String destinationKey, String leaseToken, Long messageSize) {

	DeliveryStore.Due toDue() {
		return new DeliveryStore.Due(this.id, this.destinationKey, this.leaseToken,
				(this.messageSize != null) ? this.messageSize : DeliveryStore.Due.UNKNOWN_SIZE);
	}

}
