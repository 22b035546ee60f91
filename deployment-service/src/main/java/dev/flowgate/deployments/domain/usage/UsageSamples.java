package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.List;

/** Reads the executions a usage report is computed from. */
public interface UsageSamples {

	/** The deployment's executions created at or after {@code from}. */
	List<UsageSample> since(String ownerId, String deploymentId, Instant from);

}
