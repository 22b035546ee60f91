package dev.flowgate.deployments.persistence;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.OutboxProperties;
import dev.flowgate.store.PendingPublication;

/**
 * When asked ({@code flowgate.outbox.republish-all-on-start}), marks every deployment
 * unpublished at start, so that the republisher sends them all again: after Kafka lost
 * {@code flowgate.deployments}, every deployment is published as far as the store knows,
 * and the gateways would know none.
 */
@Component
class RepublishAllOnStart {

	private final MongoTemplate mongo;

	private final boolean enabled;

	RepublishAllOnStart(MongoTemplate mongo, OutboxProperties properties) {
		this.mongo = mongo;
		this.enabled = properties.republishAllOnStart();
	}

	@EventListener(ApplicationStartedEvent.class)
	void markAll() {
		if (this.enabled) {
			PendingPublication.republishAll(this.mongo, DeploymentDocument.COLLECTION);
		}
	}

}
