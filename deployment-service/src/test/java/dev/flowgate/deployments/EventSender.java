package dev.flowgate.deployments;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;

import static org.awaitility.Awaitility.await;

/**
 * Sends execution events (and the gateway's refused-call counts, and key-service's
 * deleted owners) to their real topics, as the gateway, the runner and key-service do.
 */
public final class EventSender {

	private static final long ACK_TIMEOUT_SECONDS = 10;

	private final KafkaTemplate<String, Object> kafka;

	public EventSender(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	public void send(FlowgateEvent... events) {
		for (FlowgateEvent event : events) {
			try {
				this.kafka.send(topicOf(event), event.subjectId(), event).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not send " + event, ex);
			}
		}
	}

	/**
	 * Sends the trigger and result of an execution created at {@code createdAt} and waits
	 * until this service has read them.
	 */
	public void sendExecution(String ownerId, String deploymentId, Instant createdAt, ExecutionStatus status,
			long millis) {
		ExecutionEvents execution = ExecutionEvents.of(UUID.randomUUID().toString(), ownerId, deploymentId)
			.at(createdAt);
		send(execution.requested(Map.of("question", "q")), execution.completed(status, millis));
		Consumption.awaitCaughtUp(executionTopics());
	}

	/**
	 * Sends a succeeded execution of the deployment with these inputs and waits until the
	 * API shows it recorded, trigger and result.
	 * @return its id
	 */
	public String recordedExecution(ApiClient api, String deploymentId, Map<String, Object> inputs) {
		ExecutionEvents events = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), deploymentId);
		send(events.requested(inputs), events.completed(ExecutionStatus.SUCCEEDED, 40));
		// The two events come on two topics: the result may be recorded before the
		// trigger.
		await().until(() -> api.get("/v1/executions/" + events.executionId()).json(),
				(execution) -> "succeeded".equals(execution.path("status").asString())
						&& !execution.path("source").isNull() && !execution.path("source").isMissingNode());
		return events.executionId();
	}

	/**
	 * A gateway's count of {@code count} calls refused for {@code reason}, ending at
	 * {@code to}.
	 */
	public static TriggersRejected rejected(String ownerId, String deploymentId, Instant to, String reason,
			long count) {
		return new TriggersRejected(UUID.randomUUID(), TriggersRejected.SCHEMA_VERSION, to, ownerId, deploymentId,
				to.minusSeconds(10), to, Map.of(reason, count));
	}

	private static String topicOf(FlowgateEvent event) {
		if (event instanceof ExecutionRequested) {
			return Topics.EXECUTIONS_REQUESTED.name();
		}
		if (event instanceof ExecutionStarted) {
			return Topics.EXECUTIONS_STARTED.name();
		}
		if (event instanceof ExecutionCompleted) {
			return Topics.EXECUTIONS_COMPLETED.name();
		}
		if (event instanceof TriggersRejected) {
			return Topics.TRIGGERS_REJECTED.name();
		}
		if (event instanceof OwnerDeleted) {
			return Topics.OWNERS.name();
		}
		throw new IllegalArgumentException("Not an execution event: " + event);
	}

	/** Every topic of executions (and refused calls) this service consumes. */
	public static String[] executionTopics() {
		return new String[] { Topics.EXECUTIONS_REQUESTED.name(), Topics.EXECUTIONS_STARTED.name(),
				Topics.EXECUTIONS_COMPLETED.name(), Topics.TRIGGERS_REJECTED.name() };
	}

}
