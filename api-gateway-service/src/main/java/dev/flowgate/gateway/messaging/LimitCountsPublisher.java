package dev.flowgate.gateway.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.InFlightExecutionsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.limit.SharedLimitCounts;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;
import dev.flowgate.gateway.domain.trigger.TriggerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Tells the other replicas, every interval, which calls this one counted against rate
 * limits since the last round and how many executions of deployments with a concurrency
 * limit it has in flight. Best effort: counts whose send fails are logged and dropped,
 * and the others allow that many more calls; in-flight counts go again next round.
 */
@Component
class LimitCountsPublisher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LimitCountsPublisher.class);

	private final RateLimits limits;

	private final InFlightExecutions inFlight;

	private final KafkaTemplate<String, FlowgateEvent> template;

	private final String gatewayId;

	private final GatewayProperties.LimitSharing sharing;

	private final Clock clock;

	private final Counter sent;

	private boolean inFlightBefore;

	LimitCountsPublisher(RateLimits limits, InFlightExecutions inFlight, KafkaTemplate<String, FlowgateEvent> template,
			TriggerSettings settings, GatewayProperties properties, Clock clock, MeterRegistry meters) {
		this.limits = limits;
		this.inFlight = inFlight;
		this.template = template;
		this.gatewayId = settings.instanceId();
		this.sharing = properties.limitSharing();
		this.clock = clock;
		this.sent = RateLimitSharing.counter(meters, "sent");
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::publish, this.sharing.interval());
	}

	void publish() {
		publishRateLimitCounts();
		publishInFlight();
	}

	private void publishRateLimitCounts() {
		List<Counted> counted = this.limits.drainCounted();
		if (!counted.isEmpty()) {
			send(new RateLimitRequestsCounted(UUID.randomUUID(), RateLimitRequestsCounted.SCHEMA_VERSION,
					this.clock.instant(), this.gatewayId, counted));
		}
	}

	/** While there are any, and once more when there are none left. */
	private void publishInFlight() {
		Map<String, Integer> deployments = this.inFlight.countLimited();
		if (!deployments.isEmpty() || this.inFlightBefore) {
			send(new InFlightExecutionsCounted(UUID.randomUUID(), InFlightExecutionsCounted.SCHEMA_VERSION,
					this.clock.instant(), this.gatewayId, deployments));
		}
		this.inFlightBefore = !deployments.isEmpty();
	}

	private void send(FlowgateEvent event) {
		try {
			this.template.send(Topics.LIMITS.name(), this.gatewayId, event)
				.whenComplete((result, failure) -> sentOrLogged(event, failure));
		}
		catch (RuntimeException ex) {
			sentOrLogged(event, ex);
		}
	}

	private void sentOrLogged(FlowgateEvent event, Throwable failure) {
		if (failure != null) {
			log.warn("{} not shared with the other replicas: {}", event.getClass().getSimpleName(),
					failure.getMessage());
		}
		else if (event instanceof RateLimitRequestsCounted counts) {
			this.sent.increment(SharedLimitCounts.requests(counts.counted()));
		}
	}

}
