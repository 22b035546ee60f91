package dev.flowgate.delivery.messaging;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.domain.delivery.DeliveryFailedPublisher;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** {@code flowgate.deliveries.failed}, keyed by delivery id. */
@Component
class KafkaDeliveryFailedPublisher implements DeliveryFailedPublisher {

	private final KafkaTemplate<String, FlowgateEvent> kafka;

	KafkaDeliveryFailedPublisher(KafkaTemplate<String, FlowgateEvent> kafka) {
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<Void> publish(DeliveryFailed event) {
		return this.kafka.send(Topics.DELIVERIES_FAILED.name(), event.deliveryId(), event).thenApply((sent) -> null);
	}

}
