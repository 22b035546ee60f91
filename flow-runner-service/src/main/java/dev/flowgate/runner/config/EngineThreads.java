package dev.flowgate.runner.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** The engine's threads; closed with the application context. */
final class EngineThreads implements AutoCloseable {

	private final ScheduledExecutorService scheduler;

	private final ExecutorService workers;

	EngineThreads(RunnerProperties.Engine engine) {
		this.scheduler = Executors.newScheduledThreadPool(engine.schedulerThreads(),
				new CustomizableThreadFactory("flow-timer-"));
		this.workers = Executors.newFixedThreadPool(engine.workerThreads(),
				new CustomizableThreadFactory("flow-worker-"));
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	ExecutorService workers() {
		return this.workers;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
	}

}
