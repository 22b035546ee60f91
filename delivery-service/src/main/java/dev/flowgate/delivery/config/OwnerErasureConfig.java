package dev.flowgate.delivery.config;

import java.time.Clock;

import dev.flowgate.delivery.domain.callback.DisabledCallbackService;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.owner.ErasedOwnerStore;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.OwnerErasure;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the erasure of deleted owners, and the record of them the other paths ask. */
@Configuration(proxyBeanMethods = false)
class OwnerErasureConfig {

	/** Read for sending as signing secrets and disabled callbacks are: cached briefly. */
	@Bean
	ErasedOwners erasedOwners(ErasedOwnerStore store, DeliveryProperties properties, Clock clock) {
		return new ErasedOwners(store, properties.callback().cacheTtl(), clock);
	}

	@Bean
	OwnerErasure ownerErasure(ErasedOwners erased, DeliveryStore deliveries, WebhookSecrets secrets,
			DisabledCallbackService disabled) {
		return new OwnerErasure(erased, deliveries, secrets, disabled, OwnerErasure.BATCH_SIZE);
	}

}
