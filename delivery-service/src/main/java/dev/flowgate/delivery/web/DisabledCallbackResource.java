package dev.flowgate.delivery.web;

import java.time.Instant;

import dev.flowgate.delivery.domain.callback.DisabledCallback;

/** A deployment whose callbacks are disabled, and why. */
record DisabledCallbackResource(String deploymentId, String callbackUrl, Instant disabledAt, String reason) {

	static DisabledCallbackResource of(DisabledCallback disabled) {
		return new DisabledCallbackResource(disabled.deploymentId(), disabled.callbackUrl(), disabled.disabledAt(),
				disabled.reason());
	}

}
