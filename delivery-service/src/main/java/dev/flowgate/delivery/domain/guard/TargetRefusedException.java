package dev.flowgate.delivery.domain.guard;

import java.net.UnknownHostException;

/**
 * A callback host that resolves to an address callbacks must not reach. It is an
 * {@link UnknownHostException} so HTTP clients treat it as a failed resolution and never
 * connect.
 */
public class TargetRefusedException extends UnknownHostException {

	public TargetRefusedException(String message) {
		super(message);
	}

}
