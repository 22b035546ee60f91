package dev.flowgate.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays flow-runner-service over real Kafka: reads every trigger and, per deployment,
 * answers with a result that echoes the inputs, a failure, or nothing at all.
 */
public final class FakeRunner implements AutoCloseable {

	/** What the runner does with a deployment's triggers. */
	public enum Behaviour {

		/** Succeeds with the inputs as outputs. */
		ECHO,
		/** Fails at node {@code out}. */
		FAIL,
		/** Never answers (a long-running flow). */
		NEVER,
		/** Announces the start at once, then never answers (a long-running flow). */
		STARTS

	}

	public static final long DURATION_MILLIS = 42;

	private static final Duration POLL = Duration.ofMillis(50);

	private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

	private final List<ExecutionRequested> received = new CopyOnWriteArrayList<>();

	private final Map<String, ExecutionCompleted> results = new ConcurrentHashMap<>();

	private final Map<String, String> traceparents = new ConcurrentHashMap<>();

	private final KafkaProducer<String, String> producer;

	private final CountDownLatch positioned = new CountDownLatch(1);

	private final Thread thread;

	private volatile boolean running = true;

	private FakeRunner(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
		this.thread = new Thread(() -> consume(bootstrapServers), "fake-runner");
		this.thread.setDaemon(true);
	}

	public static FakeRunner start(String bootstrapServers) {
		FakeRunner runner = new FakeRunner(bootstrapServers);
		runner.thread.start();
		try {
			if (!runner.positioned.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The fake runner could not reach Kafka");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return runner;
	}

	public void behave(String deploymentId, Behaviour behaviour) {
		this.behaviours.put(deploymentId, behaviour);
	}

	public List<ExecutionRequested> received(String deploymentId) {
		return this.received.stream().filter((trigger) -> trigger.deploymentId().equals(deploymentId)).toList();
	}

	public Optional<ExecutionRequested> trigger(String executionId) {
		return this.received.stream().filter((trigger) -> trigger.executionId().equals(executionId)).findFirst();
	}

	/** The W3C {@code traceparent} header of the trigger record, if it had one. */
	public Optional<String> traceparent(String executionId) {
		return Optional.ofNullable(this.traceparents.get(executionId));
	}

	public Optional<ExecutionCompleted> result(String executionId) {
		return Optional.ofNullable(this.results.get(executionId));
	}

	/** Finishes a trigger now, as {@link Behaviour#ECHO} would have. */
	public ExecutionCompleted complete(ExecutionRequested trigger) {
		Instant started = Instant.now();
		NodeTrace node = new NodeTrace("out", "output", NodeStatus.SUCCEEDED, started, DURATION_MILLIS,
				trigger.inputs(), null, 1, TokenUsage.NONE);
		return publish(new ExecutionCompleted(UUID.randomUUID(), 1, Instant.now(), trigger.executionId(),
				trigger.ownerId(), trigger.deploymentId(), trigger.flowVersion(), ExecutionStatus.SUCCEEDED,
				trigger.inputs(), null, List.of(node), started, started.plusMillis(DURATION_MILLIS), DURATION_MILLIS,
				TokenUsage.NONE, trigger.replyTo(), DeliveryTarget.NONE, null, null, null));
	}

	private ExecutionCompleted fail(ExecutionRequested trigger) {
		Instant started = Instant.now();
		return publish(new ExecutionCompleted(UUID.randomUUID(), 1, Instant.now(), trigger.executionId(),
				trigger.ownerId(), trigger.deploymentId(), trigger.flowVersion(), ExecutionStatus.FAILED, Map.of(),
				new ExecutionError("out", "node_failed", "the flow failed on purpose"), List.of(), started,
				started.plusMillis(DURATION_MILLIS), DURATION_MILLIS, TokenUsage.NONE, trigger.replyTo(),
				DeliveryTarget.NONE, null, null, null));
	}

	private ExecutionCompleted publish(ExecutionCompleted result) {
		this.results.put(result.executionId(), result);
		this.producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(),
				Http.JSON.writeValueAsString(result)));
		return result;
	}

	private void consume(String bootstrapServers) {
		try (KafkaConsumer<String, String> consumer = TopicTail.open(bootstrapServers, Topics.EXECUTIONS_REQUESTED)) {
			this.positioned.countDown();
			while (this.running) {
				for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
					Header traceparent = record.headers().lastHeader("traceparent");
					if (traceparent != null) {
						this.traceparents.put(record.key(), new String(traceparent.value(), StandardCharsets.UTF_8));
					}
					handle((ExecutionRequested) Http.JSON.readValue(record.value(), FlowgateEvent.class));
				}
			}
		}
	}

	private void handle(ExecutionRequested trigger) {
		this.received.add(trigger);
		Behaviour behaviour = this.behaviours.get(trigger.deploymentId());
		if (behaviour == Behaviour.ECHO) {
			complete(trigger);
		}
		else if (behaviour == Behaviour.FAIL) {
			fail(trigger);
		}
		else if (behaviour == Behaviour.STARTS) {
			announceStart(trigger);
		}
	}

	private void announceStart(ExecutionRequested trigger) {
		ExecutionStarted notice = new ExecutionStarted(UUID.randomUUID(), 1, Instant.now(), trigger.executionId(),
				trigger.ownerId(), trigger.deploymentId(), trigger.flowVersion(), "fake-runner");
		this.producer.send(new ProducerRecord<>(Topics.EXECUTIONS_STARTED.name(), notice.executionId(),
				Http.JSON.writeValueAsString(notice)));
	}

	@Override
	public void close() {
		this.running = false;
		this.producer.close();
	}

}
