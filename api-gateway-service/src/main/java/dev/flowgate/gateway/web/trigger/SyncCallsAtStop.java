package dev.flowgate.gateway.web.trigger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.trigger.WaitingCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops beside the web server's graceful shutdown: while it drains, the sync calls parked
 * here, those that park meanwhile included, may still get their result for
 * {@code flowgate.gateway.stop-wait}; then those still waiting are answered as
 * unfinished, before the shutdown phase runs out and cuts them.
 */
@Component
class SyncCallsAtStop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncCallsAtStop.class);

	private final WaitingCalls calls;

	private final GatewayProperties properties;

	private volatile boolean running;

	SyncCallsAtStop(WaitingCalls calls, GatewayProperties properties) {
		this.calls = calls;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Does not hold the phase up: the web server's graceful shutdown, beside it, waits
	 * for the calls in flight; those still waiting when the time is up are answered, from
	 * a thread of its own: the common pool may be busy or, on two cores, one blocked
	 * thread (Java 25 runs delayed tasks there at any parallelism).
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(SyncCallsAtStop::releaser);
		timer.schedule(this::release, this.properties.stopWait().toMillis(), TimeUnit.MILLISECONDS);
		// Runs the release when it is due, then lets its thread end.
		timer.shutdown();
		callback.run();
	}

	@Override
	public void stop() {
		this.running = false;
		release();
	}

	private static Thread releaser(Runnable task) {
		Thread thread = new Thread(task, "sync-calls-at-stop");
		thread.setDaemon(true);
		return thread;
	}

	private void release() {
		int waiting = this.calls.count();
		if (waiting > 0) {
			logger.info("Stopping: answering {} sync calls still waiting for their result with 202", waiting);
		}
		this.calls.release();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
	}

}
