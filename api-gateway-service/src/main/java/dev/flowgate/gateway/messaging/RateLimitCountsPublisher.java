package dev.flowgate.gateway.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.TriggerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the other replicas which requests this one counted against rate limits since the
 * last round. Best effort: counts whose send fails are logged and dropped, and the others
 * allow that many more.
 */
@Component
class RateLimitCountsPublisher {

	private static final Logger log = LoggerFactory.getLogger(RateLimitCountsPublisher.class);

	private final RateLimits limits;

	private final KafkaTemplate<String, FlowgateEvent> template;

	private final String gatewayId;

	private final Clock clock;

	private final Counter sent;

	RateLimitCountsPublisher(RateLimits limits, KafkaTemplate<String, FlowgateEvent> template, TriggerSettings settings,
			Clock clock, MeterRegistry meters) {
		this.limits = limits;
		this.template = template;
		this.gatewayId = settings.instanceId();
		this.clock = clock;
		this.sent = RateLimitSharing.counter(meters, "sent");
	}

	@Scheduled(fixedDelayString = "${flowgate.gateway.rate-limits.share-interval:1s}")
	void publish() {
		List<Counted> counted = this.limits.drainCounted();
		if (counted.isEmpty()) {
			return;
		}
		RateLimitRequestsCounted event = new RateLimitRequestsCounted(UUID.randomUUID(),
				RateLimitRequestsCounted.SCHEMA_VERSION, this.clock.instant(), this.gatewayId, counted);
		try {
			this.template.send(Topics.RATE_LIMITS.name(), this.gatewayId, event)
				.whenComplete((result, failure) -> sentOrLogged(counted, failure));
		}
		catch (RuntimeException ex) {
			sentOrLogged(counted, ex);
		}
	}

	private void sentOrLogged(List<Counted> counted, Throwable failure) {
		if (failure == null) {
			this.sent.increment(RateLimitSharing.requests(counted));
		}
		else {
			log.warn("Rate limit counts of {} limits not shared with the other replicas: {}", counted.size(),
					failure.getMessage());
		}
	}

}
