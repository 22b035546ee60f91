package dev.flowgate.delivery.domain.signing;

/** Another request changed the owner's secret at the same time. */
public class ConcurrentSecretChangeException extends RuntimeException {

	ConcurrentSecretChangeException() {
		super("The webhook secret was changed by another request; try again");
	}

}
