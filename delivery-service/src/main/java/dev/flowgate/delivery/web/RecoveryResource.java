package dev.flowgate.delivery.web;

import dev.flowgate.delivery.domain.delivery.Recovery;

/**
 * What {@code POST /v1/deliveries/recover} scheduled; {@code nextCursor}, {@code null}
 * when {@code more} is false, goes in the next call's body.
 */
record RecoveryResource(int scheduled, boolean more, String nextCursor) {

	static RecoveryResource of(Recovery recovery) {
		return new RecoveryResource(recovery.scheduled(), recovery.more(),
				recovery.more() ? recovery.next().encode() : null);
	}

}
