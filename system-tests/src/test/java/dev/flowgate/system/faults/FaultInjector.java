package dev.flowgate.system.faults;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.infra.KafkaBroker;
import dev.flowgate.infra.local.LocalStack;
import dev.flowgate.infra.local.Service;
import dev.flowgate.infra.local.ServiceFleet;
import dev.flowgate.system.load.SlowStub;
import dev.flowgate.system.load.TriggerLoad;
import dev.flowgate.system.load.Window;

import static org.awaitility.Awaitility.await;

/** Breaks a running stack in the ways the faults test needs, noting when. */
final class FaultInjector {

	private static final Duration MID_FLOW_WAIT = Duration.ofSeconds(30);

	private final ServiceFleet services;

	private final KafkaBroker kafka;

	private int inFlightAtKill;

	private Window gatewayDown;

	private Window kafkaStopping;

	private Window kafkaDown;

	private Instant kafkaBack;

	FaultInjector(LocalStack stack) {
		this.services = stack.services();
		this.kafka = stack.kafka();
	}

	/**
	 * {@code kill -9} of the runner while executions wait on the slow API, then a fresh
	 * runner.
	 */
	void killRunnerMidFlow(SlowStub slowApi) {
		await().atMost(MID_FLOW_WAIT).until(() -> slowApi.inProgress() > 0);
		this.inFlightAtKill = slowApi.inProgress();
		this.services.kill(Service.FLOW_RUNNER.module());
		this.services.restart(Service.FLOW_RUNNER.module());
	}

	void restartDeliveryService() {
		this.services.restart(Service.DELIVERY_SERVICE.module());
	}

	/** Graceful stop and start; the gateway refuses connections in between. */
	void restartGateway() {
		Instant from = Instant.now();
		this.services.restart(Service.API_GATEWAY.module());
		this.gatewayDown = new Window(from, Instant.now());
	}

	/**
	 * Stops the broker, keeps it down while {@code triggers} more calls are made, then
	 * starts it again on the same port and data.
	 */
	void stopKafkaDuring(TriggerLoad load, int triggers, Duration atMost) {
		Instant stopping = Instant.now();
		this.kafka.stop();
		Instant stopped = Instant.now();
		this.kafkaStopping = new Window(stopping, stopped);
		int sentBefore = load.sent();
		await().atMost(atMost).until(() -> load.sent() >= sentBefore + triggers);
		this.kafkaDown = new Window(stopped, Instant.now());
		this.kafka.start();
		this.kafkaBack = Instant.now();
	}

	int inFlightAtKill() {
		return this.inFlightAtKill;
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

}
