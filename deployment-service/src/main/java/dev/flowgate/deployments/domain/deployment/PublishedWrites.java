package dev.flowgate.deployments.domain.deployment;

import java.util.Optional;

import dev.flowgate.deployments.domain.ConcurrentChangeException;

/**
 * Stores a change of one deployment by compare-and-set, tried again when another writer
 * got there first, and publishes what it wrote.
 */
final class PublishedWrites {

	private static final System.Logger log = System.getLogger(PublishedWrites.class.getName());

	/**
	 * Concurrent changes of one deployment are rare; after this many, the caller retries.
	 */
	private static final int MAX_ATTEMPTS = 3;

	private final DeploymentPublication publication;

	PublishedWrites(DeploymentPublication publication) {
		this.publication = publication;
	}

	/**
	 * @return the deployment the first attempt that was not overtaken left
	 * @throws ConcurrentChangeException when every attempt was
	 */
	Deployment retryOnConcurrentChange(String deploymentId, Attempt attempt) {
		for (int i = 0; i < MAX_ATTEMPTS; i++) {
			Optional<Outcome> outcome = attempt.run();
			if (outcome.isPresent()) {
				if (outcome.get().written()) {
					publishNow(deploymentId);
				}
				return outcome.get().deployment();
			}
		}
		throw new ConcurrentChangeException(
				"Deployment '%s' is being changed by another request; retry".formatted(deploymentId));
	}

	/**
	 * The change is stored, so the caller must hear so even if publishing fails (a retry
	 * would create a second deployment): the republisher catches up.
	 */
	void publishNow(String deploymentId) {
		try {
			this.publication.publish(deploymentId);
		}
		catch (RuntimeException ex) {
			log.log(System.Logger.Level.WARNING, "Deployment {0} is stored but not yet published: {1}", deploymentId,
					ex.getMessage());
		}
	}

	/** One read-change-write attempt; empty when another writer got there first. */
	@FunctionalInterface
	interface Attempt {

		Optional<Outcome> run();

	}

	/**
	 * The deployment an attempt leaves, and whether it wrote it (then it is published).
	 */
	record Outcome(Deployment deployment, boolean written) {

		static Optional<Outcome> ifWritten(boolean stored, Deployment deployment) {
			return stored ? Optional.of(new Outcome(deployment, true)) : Optional.empty();
		}

		static Optional<Outcome> unchanged(Deployment deployment) {
			return Optional.of(new Outcome(deployment, false));
		}

	}

}
