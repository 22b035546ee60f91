package dev.flowgate.gateway.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.usage.RejectionTally;
import dev.flowgate.gateway.domain.usage.RejectionTally.Summary;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the refused trigger calls counted since the last round, one summary per
 * deployment, for deployment-service to add to its usage. A summary Kafka did not take
 * goes back to the tally, to be sent with the next round's counts: calls refused because
 * Kafka was away are counted once it is back. Counts a replica holds when it stops are
 * lost, as usage figures rather than an audit.
 */
@Component
class RejectionsPublisher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RejectionsPublisher.class);

	private final RejectionTally tally;

	private final KafkaTemplate<String, FlowgateEvent> template;

	private final Clock clock;

	private final Duration interval;

	RejectionsPublisher(RejectionTally tally, KafkaTemplate<String, FlowgateEvent> template, Clock clock,
			GatewayProperties properties) {
		this.tally = tally;
		this.template = template;
		this.clock = clock;
		this.interval = properties.rejections().flushInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::publish, this.interval);
	}

	void publish() {
		for (Summary summary : this.tally.drain()) {
			TriggersRejected event = new TriggersRejected(UUID.randomUUID(), TriggersRejected.SCHEMA_VERSION,
					this.clock.instant(), summary.ownerId(), summary.deploymentId(), summary.from(), summary.to(),
					summary.counts());
			try {
				this.template.send(Topics.TRIGGERS_REJECTED.name(), event.deploymentId(), event)
					.whenComplete((sent, failure) -> {
						if (failure != null) {
							keep(summary, failure);
						}
					});
			}
			catch (RuntimeException ex) {
				keep(summary, ex);
			}
		}
	}

	/** What this replica counted since the last round goes out before it stops. */
	@PreDestroy
	void publishRemaining() {
		publish();
		this.template.flush();
	}

	private void keep(Summary summary, Throwable failure) {
		this.tally.restore(summary);
		log.warn("Refused-call counts {} of deployment {} not sent, kept for the next round: {}", summary.counts(),
				summary.deploymentId(), failure.getMessage());
	}

}
