package dev.flowgate.gateway.domain.view;

/**
 * Whether this gateway can serve: both views caught up and the results consumer
 * positioned, so no result of a trigger accepted from now on can be missed.
 */
public final class Readiness {

	private final ViewProgress keys = new ViewProgress();

	private final ViewProgress deployments = new ViewProgress();

	private volatile boolean listeningForResults;

	public ViewProgress keys() {
		return this.keys;
	}

	public ViewProgress deployments() {
		return this.deployments;
	}

	public void resultsListening() {
		this.listeningForResults = true;
	}

	public boolean listeningForResults() {
		return this.listeningForResults;
	}

	public boolean ready() {
		return this.listeningForResults && this.keys.caughtUp() && this.deployments.caughtUp();
	}

}
