package dev.flowgate.deployments.messaging;

/** The consumer group all of this service's listeners share. */
final class ListenerGroups {

	static final String GROUP = "deployment-service";

	private ListenerGroups() {
	}

}
