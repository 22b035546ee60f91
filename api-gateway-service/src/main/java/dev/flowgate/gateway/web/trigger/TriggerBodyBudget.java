package dev.flowgate.gateway.web.trigger;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.Rejection;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The bytes of trigger bodies this replica holds at once, each counted as its declared
 * length (the largest body allowed when it declares none) from before it is read until
 * the call is answered.
 */
@Component
class TriggerBodyBudget {

	/** Large calls in flight end within moments, or answer 202 at their sync timeout. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final Semaphore bytes;

	private final long maxBodyBytes;

	TriggerBodyBudget(GatewayProperties properties) {
		this.bytes = new Semaphore(Math.toIntExact(properties.triggerBodiesInFlight().toBytes()));
		this.maxBodyBytes = properties.maxBodySize().toBytes();
	}

	/**
	 * Takes the call's share of the budget; {@link #giveBack} it once the call is
	 * answered.
	 * @throws Rejection (503) when the budget has not that much left
	 */
	int take(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		int share = Math.toIntExact((declared >= 0) ? Math.min(declared, this.maxBodyBytes) : this.maxBodyBytes);
		if (share > 0 && !this.bytes.tryAcquire(share)) {
			throw Rejection.unavailable(
					"The gateway holds as many large trigger bodies as it takes at once; try again shortly",
					RETRY_AFTER);
		}
		return share;
	}

	void giveBack(int share) {
		if (share > 0) {
			this.bytes.release(share);
		}
	}

}
