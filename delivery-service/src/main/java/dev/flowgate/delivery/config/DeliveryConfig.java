package dev.flowgate.delivery.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.flowgate.delivery.domain.delivery.AttemptLog;
import dev.flowgate.delivery.domain.delivery.AttemptTimeouts;
import dev.flowgate.delivery.domain.delivery.Channel;
import dev.flowgate.delivery.domain.delivery.DeliveryDispatcher;
import dev.flowgate.delivery.domain.delivery.DeliveryFailedPublisher;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.delivery.domain.delivery.DeliveryPages;
import dev.flowgate.delivery.domain.delivery.DeliveryRetention;
import dev.flowgate.delivery.domain.delivery.DeliveryService;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.delivery.DeliveryWorker;
import dev.flowgate.delivery.domain.delivery.FailureReporter;
import dev.flowgate.delivery.domain.delivery.RetryPolicy;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.kafka.EventClock;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Wires the delivery domain: intake, dispatcher, worker, retries and failure reports. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

	@Bean
	Clock clock() {
		return EventClock.systemUtc();
	}

	/**
	 * Store work around attempts; never the HTTP client's I/O threads. Tasks keep the
	 * trace of their submitter, so a result's first attempt logs with its trace id.
	 */
	@Bean
	ExecutorService deliveryWorkers(DeliveryProperties properties) {
		return ContextExecutorService.wrap(Executors.newFixedThreadPool(properties.dispatch().workerThreads(),
				new CustomizableThreadFactory("delivery-worker-")), ContextSnapshotFactory.builder().build());
	}

	@Bean
	RetryPolicy retryPolicy(DeliveryProperties properties) {
		DeliveryProperties.Retry retry = properties.retry();
		return new RetryPolicy(retry.schedule(), retry.jitter(), retry.afterThrottling(), retry.maxRetryAfter(),
				new SecureRandom());
	}

	@Bean
	FailureReporter failureReporter(DeliveryStore store, DeliveryFailedPublisher publisher,
			ExecutorService deliveryWorkers, DeliveryProperties properties, Clock clock) {
		DeliveryProperties.Dispatch dispatch = properties.dispatch();
		return new FailureReporter(store, publisher, deliveryWorkers,
				new FailureReporter.Settings(dispatch.failureRepublishInterval(), dispatch.failureRepublishBatch()),
				clock);
	}

	@Bean
	DeliveryWorker deliveryWorker(List<Channel> channels, DeliveryStore store, AttemptLog attempts,
			RetryPolicy retryPolicy, FailureReporter failureReporter, ErasedOwners erased,
			ExecutorService deliveryWorkers, DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		// Only the worker sends; its channels count what each attempt made.
		List<Channel> metered = channels.stream()
			.<Channel>map((channel) -> new MeteredChannel(channel, meters))
			.toList();
		return new DeliveryWorker(metered, store, attempts, retryPolicy, properties.retry().afterError(),
				attemptTimeouts(properties), failureReporter, erased, deliveryWorkers, clock);
	}

	@Bean
	DeliveryDispatcher deliveryDispatcher(DeliveryStore store, DeliveryWorker worker, ExecutorService deliveryWorkers,
			DeliveryProperties properties, Clock clock) {
		DeliveryProperties.Dispatch dispatch = properties.dispatch();
		AttemptTimeouts attemptTimeouts = attemptTimeouts(properties);
		if (dispatch.lease().compareTo(attemptTimeouts.longest()) <= 0) {
			throw new IllegalStateException("flowgate.delivery.dispatch.lease must exceed the callback and email "
					+ "timeouts, or a slow attempt could be claimed twice");
		}
		return new DeliveryDispatcher(store, worker, deliveryWorkers,
				new DeliveryDispatcher.Settings(dispatch.maxInFlight(), dispatch.maxInFlightPerDestination(),
						dispatch.maxInFlightBytes().toBytes(), properties.callback().maxPayloadSize().toBytes(),
						dispatch.lease(), attemptTimeouts, dispatch.shutdownGrace()),
				clock);
	}

	@Bean
	DeliveryIntake deliveryIntake(List<Channel> channels, DeliveryDispatcher dispatcher,
			FailureReporter failureReporter, RetryPolicy retryPolicy, ErasedOwners erased,
			DeliveryProperties properties, Clock clock) {
		return new DeliveryIntake(channels, dispatcher, failureReporter, retryPolicy, erased,
				properties.callback().maxPayloadSize().toBytes(), clock);
	}

	@Bean
	DeliveryService deliveryService(DeliveryStore store, DeliveryPages pages, AttemptLog attempts,
			DeliveryDispatcher dispatcher, List<Channel> channels, Clock clock) {
		return new DeliveryService(store, pages, attempts, dispatcher, channels, clock);
	}

	@Bean
	DeliveryRetention deliveryRetention(DeliveryRetention.Records records, Clock clock, DeliveryProperties properties) {
		return new DeliveryRetention(records, clock, properties.retention().keep());
	}

	/** Each channel's attempts are bounded by its own timeout, not the longer one. */
	private static AttemptTimeouts attemptTimeouts(DeliveryProperties properties) {
		return new AttemptTimeouts(properties.callback().timeout(), properties.email().timeout());
	}

}
