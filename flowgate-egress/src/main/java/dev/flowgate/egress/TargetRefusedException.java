package dev.flowgate.egress;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the policy refuses. It is an
 * {@link UnknownHostException} so HTTP clients treat it as a failed resolution and never
 * connect.
 */
public class TargetRefusedException extends UnknownHostException {

	public TargetRefusedException(String message) {
		super(message);
	}

}
