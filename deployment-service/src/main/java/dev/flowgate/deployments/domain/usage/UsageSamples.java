package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads what usage needs of the executions, a few fields each, never the payloads. */
public interface UsageSamples {

	/**
	 * The deployments' executions created in {@code [from, to)}, with their deployment.
	 */
	void forEach(String ownerId, Collection<String> deploymentIds, Instant from, Instant to,
			BiConsumer<String, UsageSample> each);

	/**
	 * The deployments' executions created in {@code [from, to)} with the API key
	 * {@code keyId}, with their deployment.
	 */
	void forEachOfKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			BiConsumer<String, UsageSample> each);

	/** Every execution created in {@code [from, to)}, with its deployment hour. */
	void forEachCreated(Instant from, Instant to, BiConsumer<DeploymentHour, UsageSample> each);

	/**
	 * The hours before {@code createdBefore} of executions written at or after
	 * {@code since}.
	 */
	Set<DeploymentHour> writtenSince(Instant since, Instant createdBefore);

	/**
	 * The hours in {@code [createdFrom, createdBefore)} of the deployments' executions
	 * written at or after {@code since}.
	 */
	Set<DeploymentHour> writtenSince(Collection<String> deploymentIds, Instant since, Instant createdFrom,
			Instant createdBefore);

	Optional<Instant> earliestCreatedAt();

}
