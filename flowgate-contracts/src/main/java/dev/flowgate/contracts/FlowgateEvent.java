package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every event that crosses a service boundary. On the wire it is plain JSON whose
 * {@code type} property is a logical token (never a Java class name), so any Kafka client
 * can read it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ExecutionRequested.class, name = ExecutionRequested.TYPE),
		@JsonSubTypes.Type(value = ExecutionCancellationRequested.class, name = ExecutionCancellationRequested.TYPE),
		@JsonSubTypes.Type(value = ExecutionStarted.class, name = ExecutionStarted.TYPE),
		@JsonSubTypes.Type(value = ExecutionCompleted.class, name = ExecutionCompleted.TYPE),
		@JsonSubTypes.Type(value = KeyStateChanged.class, name = KeyStateChanged.TYPE),
		@JsonSubTypes.Type(value = DeploymentStateChanged.class, name = DeploymentStateChanged.TYPE),
		@JsonSubTypes.Type(value = DeliveryFailed.class, name = DeliveryFailed.TYPE),
		@JsonSubTypes.Type(value = TriggersRejected.class, name = TriggersRejected.TYPE),
		@JsonSubTypes.Type(value = RateLimitRequestsCounted.class, name = RateLimitRequestsCounted.TYPE),
		@JsonSubTypes.Type(value = InFlightExecutionsCounted.class, name = InFlightExecutionsCounted.TYPE),
		@JsonSubTypes.Type(value = OwnerDeleted.class, name = OwnerDeleted.TYPE) })
public sealed interface FlowgateEvent permits ExecutionRequested, ExecutionCancellationRequested, ExecutionStarted,
		ExecutionCompleted, KeyStateChanged, DeploymentStateChanged, DeliveryFailed, TriggersRejected,
		RateLimitRequestsCounted, InFlightExecutionsCounted, OwnerDeleted {

	UUID eventId();

	int schemaVersion();

	Instant occurredAt();

	/** The execution or entity this event concerns; it is also the Kafka record key. */
	String subjectId();

}
