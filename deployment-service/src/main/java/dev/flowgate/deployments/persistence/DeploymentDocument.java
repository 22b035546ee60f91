package dev.flowgate.deployments.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;

/**
 * A deployment and its publication state: {@code version} counts changes,
 * {@code publishedVersion} is the last one Kafka acknowledged. A deleted deployment stays
 * ({@code deleted}) until its tombstone is acknowledged.
 *
 * @param inputsJson the pinned flow's inputs as JSON, so that lists need not read
 * {@code flowJson}; {@code null} in documents stored before it was kept
 * @param publishLeaseUntil while in the future, one publisher is sending this deployment
 */
@Document(DeploymentDocument.COLLECTION)
record DeploymentDocument(@Id String id, String ownerId, String name, String flowId, int flowVersion, String flowJson,
		String inputsJson, DeploymentMode mode, DeploymentEnvironment environment, boolean enabled,
		int syncTimeoutSeconds, DeliveryTarget delivery, DeploymentLimits limits, long version, long publishedVersion,
		boolean deleted, Instant publishLeaseUntil, Instant createdAt, Instant updatedAt, Boolean pending) {

	static final String COLLECTION = "deployments";

	static final String OWNER = "ownerId";

	static final String FLOW = "flowId";

	static final String FLOW_VERSION = "flowVersion";

	static final String VERSION = "version";

	static final String PUBLISHED_VERSION = "publishedVersion";

	static final String DELETED = "deleted";

	static final String LEASE = "publishLeaseUntil";

	static final String CREATED_AT = "createdAt";

	static final String FLOW_JSON = "flowJson";

	static final String INPUTS_JSON = "inputsJson";

}
