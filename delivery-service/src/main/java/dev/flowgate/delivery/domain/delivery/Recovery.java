package dev.flowgate.delivery.domain.delivery;

import dev.flowgate.delivery.domain.PageCursor;

/**
 * What a recovery scheduled.
 *
 * @param scheduled failed deliveries set to go out again, each with a fresh round of
 * attempts
 * @param next where the next call goes on, when failed deliveries are left that this call
 * did not take; {@code null} otherwise
 */
public record Recovery(int scheduled, PageCursor next) {

	/** Whether failed deliveries are left that this call did not take: call again. */
	public boolean more() {
		return this.next != null;
	}

}
