package dev.flowgate.deployments.domain.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

/** Stores deployments; every write marks the new state as not yet published. */
public interface DeploymentRepository {

	void insert(Deployment deployment);

	/** A deployment that exists and is not being deleted. */
	Optional<Deployment> find(String ownerId, String deploymentId);

	/** Every deployment of the owner, without its flow. */
	List<DeploymentSummary> findAll(String ownerId);

	/**
	 * The flow version each of the owner's deployments pins, by deployment id, those
	 * being deleted not counted.
	 */
	Map<String, PinnedVersion> findPins(String ownerId);

	/** How many deployments the owner has, those being deleted not counted. */
	long countOwned(String ownerId);

	/**
	 * Up to {@code count} of the owner's deployments, newest first, those created at the
	 * same time by id descending.
	 * @param after only deployments after this one in that order, or {@code null} from
	 * the first
	 * @return the deployments without their flows
	 */
	List<DeploymentSummary> findNewest(String ownerId, TimeCursor after, int count);

	/**
	 * Stores {@code next} if the stored version is still {@code next.version() - 1}.
	 * @return whether it was stored
	 */
	boolean update(Deployment next);

	/**
	 * Marks the deployment deleted (its tombstone is still to be published) if the stored
	 * version is still {@code current.version()}.
	 * @return whether it was marked
	 */
	boolean markDeleted(Deployment current);

}
