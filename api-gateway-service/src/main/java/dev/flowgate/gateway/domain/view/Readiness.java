package dev.flowgate.gateway.domain.view;

/**
 * Whether this gateway can serve: both views caught up; the results consumer positioned,
 * so no result of a trigger accepted from now on can be missed; the other replicas' limit
 * counts of the last minute read, so a new replica does not start with its limits unused.
 */
public final class Readiness {

	private final ViewProgress keys = new ViewProgress();

	private final ViewProgress deployments = new ViewProgress();

	private final ViewProgress limitCounts = new ViewProgress();

	private volatile boolean listeningForResults;

	public ViewProgress keys() {
		return this.keys;
	}

	public ViewProgress deployments() {
		return this.deployments;
	}

	public ViewProgress limitCounts() {
		return this.limitCounts;
	}

	public void resultsListening() {
		this.listeningForResults = true;
	}

	public boolean listeningForResults() {
		return this.listeningForResults;
	}

	public boolean ready() {
		return this.listeningForResults && this.keys.caughtUp() && this.deployments.caughtUp()
				&& this.limitCounts.caughtUp();
	}

}
