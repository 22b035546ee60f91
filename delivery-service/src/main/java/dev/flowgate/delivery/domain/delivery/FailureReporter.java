package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts failed deliveries on the delivery dead-letter topic. The failure and its event id
 * are stored first, so an event lost in a crash is republished with the same id.
 */
public final class FailureReporter {

	private static final Logger log = LoggerFactory.getLogger(FailureReporter.class);

	private final DeliveryStore store;

	private final DeliveryFailedPublisher publisher;

	private final Executor executor;

	private final Settings settings;

	private final Clock clock;

	public FailureReporter(DeliveryStore store, DeliveryFailedPublisher publisher, Executor executor, Settings settings,
			Clock clock) {
		this.store = store;
		this.publisher = publisher;
		this.executor = executor;
		this.settings = settings;
		this.clock = clock;
	}

	/** Publishes a failed delivery's event, once it is stored. */
	void report(Delivery failed) {
		this.publisher.publish(event(failed))
			.thenRunAsync(() -> this.store.markFailurePublished(failed.id(), failed.failureEventId()), this.executor)
			.exceptionally((ex) -> {
				log.warn("DeliveryFailed for {} not published yet; it will be republished", failed.id(), ex);
				return null;
			});
	}

	/**
	 * Publishes the events that did not go out when their deliveries failed.
	 * @return how many were sent
	 */
	public int republishPending() {
		var pending = this.store.unpublishedFailures(this.clock.instant().minus(this.settings.minAge()),
				this.settings.batchSize());
		pending.forEach(this::report);
		return pending.size();
	}

	private static DeliveryFailed event(Delivery failed) {
		return new DeliveryFailed(failed.failureEventId(), DeliveryFailed.SCHEMA_VERSION, failed.finishedAt(),
				failed.id(), failed.executionId(), failed.ownerId(), failed.deploymentId(), failed.channel(),
				failed.destination(), failed.attempts(), failed.lastError());
	}

	/**
	 * @param minAge how long a failure waits before the republisher takes it (its first
	 * publication may still be in flight)
	 * @param batchSize events per republishing round
	 */
	public record Settings(Duration minAge, int batchSize) {
	}

}
