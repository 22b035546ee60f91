package dev.flowgate.delivery.domain.callback;

import java.time.Instant;

/** An owner's callbacks for one deployment, stopped because the receiver answered 410. */
public record DisabledCallback(String ownerId, String deploymentId, String callbackUrl, Instant disabledAt,
		String reason) {
}
