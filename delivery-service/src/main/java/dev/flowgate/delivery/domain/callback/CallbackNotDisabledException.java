package dev.flowgate.delivery.domain.callback;

/** Enabling callbacks that are not disabled (or are another owner's). */
public class CallbackNotDisabledException extends RuntimeException {

	CallbackNotDisabledException(String deploymentId) {
		super("Callbacks of deployment " + deploymentId + " are not disabled");
	}

}
