package dev.flowgate.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.infra.EmbeddedMongo;
import dev.flowgate.infra.KafkaBroker;
import dev.flowgate.infra.local.LocalStack;
import dev.flowgate.infra.local.Service;
import dev.flowgate.infra.local.ServiceFleet;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.load.SlowStub;
import dev.flowgate.system.load.TriggerLoad;
import dev.flowgate.system.load.Window;

import static org.awaitility.Awaitility.await;

/** Breaks a running stack in the ways the faults test needs, noting when. */
final class FaultInjector {

	private static final Duration MID_FLOW_WAIT = Duration.ofSeconds(60);

	// The load may lag behind its pace on a busy machine.
	private static final int OUTAGE_BOUND = 4;

	private final ServiceFleet services;

	private final KafkaBroker kafka;

	private final EmbeddedMongo mongo;

	private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());

	private int inFlightAtKill;

	private int callbacksRefusedBeforeRestart;

	private Instant deliveryStopped;

	private Window gatewayDown;

	private Window kafkaStopping;

	private Window kafkaDown;

	private Instant kafkaBack;

	FaultInjector(LocalStack stack) {
		this.services = stack.services();
		this.kafka = stack.kafka();
		this.mongo = stack.mongo();
	}

	/**
	 * {@code kill -9} of the runner, once it ran {@code warmCalls} executions, while
	 * others wait on the slow API.
	 */
	void killRunnerMidFlow(SlowStub slowApi, int warmCalls) {
		// Long enough into the run that recent results are out but not yet committed.
		await().atMost(MID_FLOW_WAIT).until(() -> slowApi.calls() >= warmCalls && slowApi.inProgress() > 0);
		this.inFlightAtKill = slowApi.inProgress();
		this.services.kill(Service.FLOW_RUNNER.module());
	}

	void startRunnerAgain() {
		timed("runner started after the kill", () -> this.services.restart(Service.FLOW_RUNNER.module()));
	}

	/**
	 * Stops delivery-service once the receiver (answering 503 with a {@code Retry-After}
	 * longer than a stop takes) refused a callback, has the receiver accept from then on,
	 * and starts delivery-service again: the refused callbacks are due only after the
	 * restart, so their retries wait in its store across it.
	 */
	void restartDeliveryServiceWithCallbacksPending(CallbackReceiver receiver) {
		await().atMost(MID_FLOW_WAIT).until(() -> refusedCallbacks(receiver) > 0);
		String delivery = Service.DELIVERY_SERVICE.module();
		timed("delivery-service restarted", () -> {
			this.services.stop(delivery);
			this.deliveryStopped = Instant.now();
			this.callbacksRefusedBeforeRestart = refusedCallbacks(receiver);
			receiver.accept();
			this.services.restart(delivery);
		});
	}

	void restartDeploymentService() {
		timed("deployment-service restarted", () -> this.services.restart(Service.DEPLOYMENT_SERVICE.module()));
	}

	void restartKeyService() {
		timed("key-service restarted", () -> this.services.restart(Service.KEY_SERVICE.module()));
	}

	/** Graceful stop and start; the gateway refuses connections in between. */
	void restartGateway() {
		Instant from = Instant.now();
		timed("gateway restarted", () -> this.services.restart(Service.API_GATEWAY.module()));
		this.gatewayDown = new Window(from, Instant.now());
	}

	/**
	 * Stops MongoDB, keeps it down for {@code outage} and while {@code triggers} more
	 * calls are made, then starts it again on the same port and file. Nothing on the
	 * trigger path needs it; what the services record meanwhile waits for it.
	 * {@code whileDown} runs once it is stopped.
	 */
	void stopMongo(Duration outage, TriggerLoad load, int triggers, Runnable whileDown) {
		this.mongo.stop();
		Instant stopped = Instant.now();
		int sentBefore = load.sent();
		whileDown.run();
		await().atMost(outage.multipliedBy(OUTAGE_BOUND))
			.until(() -> load.sent() >= sentBefore + triggers
					&& Duration.between(stopped, Instant.now()).compareTo(outage) >= 0);
		this.mongo.start();
		this.timings.put("MongoDB stopped", Duration.between(stopped, Instant.now()));
	}

	/**
	 * Stops the broker, keeps it down for {@code outage} and while {@code triggers} more
	 * calls are made, then starts it again on the same port and data.
	 */
	void stopKafka(Duration outage, TriggerLoad load, int triggers) {
		Instant stopping = Instant.now();
		this.kafka.stop();
		Instant stopped = Instant.now();
		this.kafkaStopping = new Window(stopping, stopped);
		int sentBefore = load.sent();
		await().atMost(outage.multipliedBy(OUTAGE_BOUND))
			.until(() -> load.sent() >= sentBefore + triggers
					&& Duration.between(stopped, Instant.now()).compareTo(outage) >= 0);
		this.kafkaDown = new Window(stopped, Instant.now());
		timed("Kafka started again", this.kafka::start);
		this.kafkaBack = Instant.now();
		this.timings.put("Kafka stopped", this.kafkaStopping.length());
	}

	/** How long each fault took, from the first blow until the process was back. */
	Map<String, Duration> timings() {
		synchronized (this.timings) {
			return new LinkedHashMap<>(this.timings);
		}
	}

	int inFlightAtKill() {
		return this.inFlightAtKill;
	}

	int callbacksRefusedBeforeRestart() {
		return this.callbacksRefusedBeforeRestart;
	}

	/**
	 * When delivery-service had stopped (the receiver accepts callbacks from then on).
	 */
	Instant deliveryStopped() {
		return this.deliveryStopped;
	}

	Window gatewayDown() {
		return this.gatewayDown;
	}

	/** From the stop request until the broker was back. */
	Window kafkaTrouble() {
		return new Window(this.kafkaStopping.from(), this.kafkaBack);
	}

	/** While no broker process ran at all. */
	Window kafkaDown() {
		return this.kafkaDown;
	}

	Instant kafkaBack() {
		return this.kafkaBack;
	}

	private static int refusedCallbacks(CallbackReceiver receiver) {
		return (int) receiver.received().stream().filter((call) -> !call.delivered()).count();
	}

	private void timed(String what, Runnable fault) {
		Instant from = Instant.now();
		fault.run();
		this.timings.put(what, Duration.between(from, Instant.now()));
	}

}
