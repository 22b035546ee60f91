package dev.flowgate.keys.persistence;

import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.store.PendingPublication;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * When asked ({@code flowgate.outbox.republish-all-on-start}), marks every key
 * unpublished at start, so that the relay sends them all again: after Kafka lost
 * {@code flowgate.keys}, every key is published as far as the store knows, and the
 * gateways would know none.
 */
@Component
class RepublishAllOnStart {

	private final MongoTemplate mongo;

	private final boolean enabled;

	RepublishAllOnStart(MongoTemplate mongo, FlowgateProperties properties) {
		this.mongo = mongo;
		this.enabled = properties.outbox().republishAllOnStart();
	}

	@EventListener(ApplicationStartedEvent.class)
	void markAll() {
		if (this.enabled) {
			PendingPublication.republishAll(this.mongo, KeyDocument.COLLECTION);
		}
	}

}
