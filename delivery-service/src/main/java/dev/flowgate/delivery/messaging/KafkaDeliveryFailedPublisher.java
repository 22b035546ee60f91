package dev.flowgate.delivery.messaging;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.domain.delivery.DeliveryFailedPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code flowgate.deliveries.failed}, keyed by delivery id; each event published is
 * counted ({@value #FAILURES}, by channel). An event republished after a crash, whose
 * first send went out but was not recorded, counts twice.
 */
@Component
class KafkaDeliveryFailedPublisher implements DeliveryFailedPublisher {

	static final String FAILURES = "flowgate.delivery.failures";

	private final KafkaTemplate<String, FlowgateEvent> kafka;

	private final MeterRegistry registry;

	KafkaDeliveryFailedPublisher(KafkaTemplate<String, FlowgateEvent> kafka, MeterRegistry registry) {
		this.kafka = kafka;
		this.registry = registry;
		// At 0 from the start, so that increase() sees the first failure after a start.
		for (DeliveryChannel channel : DeliveryChannel.values()) {
			failures(channel);
		}
	}

	@Override
	public CompletableFuture<Void> publish(DeliveryFailed event) {
		return this.kafka.send(Topics.DELIVERIES_FAILED.name(), event.deliveryId(), event).thenApply((sent) -> {
			failures(event.channel()).increment();
			return null;
		});
	}

	private Counter failures(DeliveryChannel channel) {
		return this.registry.counter(FAILURES, "channel", channel.name().toLowerCase(Locale.ROOT));
	}

}
