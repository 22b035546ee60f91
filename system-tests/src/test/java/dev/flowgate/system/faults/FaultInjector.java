package dev.flowgate.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

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

	private int callbacksRefusedBeforeCrash;

	private int callbacksInFlightAtCrash;

	private Instant deliveryKilled;

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
	 * {@code kill -9} of delivery-service with callbacks of both kinds waiting in its
	 * store: the receiver, told to refuse the first ones (503 with a {@code Retry-After}
	 * longer than the crash and restart take) and then hold, holds the next ones
	 * unanswered, and once {@code inFlight} are held, delivery-service is killed while
	 * their attempts are in flight, their deliveries leased to the dead process. The
	 * receiver accepts from then on; {@link #startDeliveryServiceAgain()} starts it
	 * again.
	 */
	void crashDeliveryServiceWithCallbacksPending(CallbackReceiver receiver, int inFlight) {
		await().atMost(MID_FLOW_WAIT).until(() -> count(receiver, CallbackReceiver.Received::unanswered) >= inFlight);
		this.services.kill(Service.DELIVERY_SERVICE.module());
		this.deliveryKilled = Instant.now();
		this.callbacksRefusedBeforeCrash = count(receiver, CallbackReceiver.Received::refused);
		this.callbacksInFlightAtCrash = count(receiver, CallbackReceiver.Received::unanswered);
		receiver.accept();
	}

	void startDeliveryServiceAgain() {
		timed("delivery-service started after the kill",
				() -> this.services.restart(Service.DELIVERY_SERVICE.module()));
	}

	void crashDeploymentService() {
		crash(Service.DEPLOYMENT_SERVICE);
	}

	void crashKeyService() {
		crash(Service.KEY_SERVICE);
	}

	/**
	 * {@code kill -9} of the gateway under the load, and a start: the calls in flight are
	 * cut off, and connections are refused until it is up.
	 */
	void crashGateway() {
		Instant from = Instant.now();
		crash(Service.API_GATEWAY);
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

	int callbacksRefusedBeforeCrash() {
		return this.callbacksRefusedBeforeCrash;
	}

	int callbacksInFlightAtCrash() {
		return this.callbacksInFlightAtCrash;
	}

	/** When delivery-service was killed (the receiver accepts callbacks from then on). */
	Instant deliveryKilled() {
		return this.deliveryKilled;
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

	private static int count(CallbackReceiver receiver, Predicate<CallbackReceiver.Received> which) {
		return (int) receiver.received().stream().filter(which).count();
	}

	/** {@code kill -9}, then a start with the same settings once it is gone. */
	private void crash(Service service) {
		timed(service.module() + " started after the kill", () -> {
			this.services.kill(service.module());
			this.services.restart(service.module());
		});
	}

	private void timed(String what, Runnable fault) {
		Instant from = Instant.now();
		fault.run();
		this.timings.put(what, Duration.between(from, Instant.now()));
	}

}
