package dev.flowgate.gateway.domain.trigger;

import java.util.Map;

import dev.flowgate.contracts.TriggerSource;

/**
 * What a caller asks to run, whichever API it used.
 *
 * @param callbackUrl a per-call callback override, or {@code null}
 * @param idempotencyKey the caller's {@code Idempotency-Key}, or {@code null}
 */
public record TriggerRequest(Map<String, Object> inputs, String callbackUrl, String idempotencyKey,
		TriggerSource source) {
}
