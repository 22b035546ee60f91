package dev.flowgate.keys.messaging;

import dev.flowgate.keys.domain.key.KeyPublication;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Republishes key state that a crash or an unavailable broker left unpublished. */
@Component
class KeyOutboxRelay {

	private final KeyPublication publication;

	KeyOutboxRelay(KeyPublication publication) {
		this.publication = publication;
	}

	@Scheduled(fixedDelayString = "${flowgate.outbox.relay-interval}")
	void relay() {
		this.publication.publishPending();
	}

}
