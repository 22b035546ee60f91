package dev.flowgate.deployments.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TriggerSource;

/**
 * One execution. Caller data (inputs, outputs, trace) is JSON text; what is queried or
 * summed (status, times, duration, tokens) is native.
 *
 * @param requested whether the trigger part is known
 * @param callbackUrl the call's own callback URL, for a replay of it; absent from
 * executions recorded before it was kept
 * @param completed whether the outcome part is known
 * @param revision incremented by every merge, which writes only over the revision it read
 * @param awaitingPublication a replay trigger saved but not yet acknowledged by Kafka
 * @param publishLeaseUntil while in the future, one publisher is sending that trigger
 * @param writtenAt when the document was last written: an hour's usage summary misses
 * what was written after it was summed
 * @param cancelRequestedAt when the owner asked to stop it; set only by the cancellation
 * outbox, never by a merge
 */
@Document(ExecutionDocument.COLLECTION)
record ExecutionDocument(@Id String id, String ownerId, String deploymentId, Integer flowVersion,
		boolean flowVersionConfirmed, ExecutionStatus status, boolean requested, TriggerSource source,
		DeploymentMode mode, String keyId, String replayOf, String idempotencyKey, String inputsDigest,
		String inputsJson, boolean inputsTruncated, Instant deadline, String callbackUrl, boolean completed,
		String outputsJson, boolean outputsTruncated, ExecutionError error, String traceJson, Instant finishedAt,
		Long durationMillis, long promptTokens, long completionTokens, Instant createdAt, Instant startedAt,
		long revision, boolean awaitingPublication, Instant publishLeaseUntil, Instant writtenAt,
		Instant cancelRequestedAt) {

	static final String COLLECTION = "executions";

	static final String OWNER = "ownerId";

	static final String DEPLOYMENT = "deploymentId";

	static final String KEY = "keyId";

	static final String REVISION = "revision";

	static final String CREATED_AT = "createdAt";

	static final String REQUESTED = "requested";

	static final String WRITTEN_AT = "writtenAt";

	static final String AWAITING_PUBLICATION = "awaitingPublication";

	static final String COMPLETED = "completed";

	static final String LEASE = "publishLeaseUntil";

	static final String CANCEL_REQUESTED_AT = "cancelRequestedAt";

}
