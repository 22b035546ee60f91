package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reads what usage needs of the executions, a few fields each, never the payloads. */
public interface UsageSamples {

	/** The deployment's executions created in {@code [from, to)}. */
	void forEach(String ownerId, String deploymentId, Instant from, Instant to, Consumer<UsageSample> each);

	/**
	 * The deployment's executions created in {@code [from, to)} with the API key
	 * {@code keyId}.
	 */
	void forEachOfKey(String ownerId, String deploymentId, String keyId, Instant from, Instant to,
			Consumer<UsageSample> each);

	/** Every execution created in {@code [from, to)}, with its deployment hour. */
	void forEachCreated(Instant from, Instant to, BiConsumer<DeploymentHour, UsageSample> each);

	/**
	 * The hours before {@code createdBefore} of executions written at or after
	 * {@code since}.
	 */
	Set<DeploymentHour> writtenSince(Instant since, Instant createdBefore);

	/**
	 * The hours in {@code [createdFrom, createdBefore)} of the deployment's executions
	 * written at or after {@code since}.
	 */
	Set<DeploymentHour> writtenSince(String deploymentId, Instant since, Instant createdFrom, Instant createdBefore);

	Optional<Instant> earliestCreatedAt();

}
