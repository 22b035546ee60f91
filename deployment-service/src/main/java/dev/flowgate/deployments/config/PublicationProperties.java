package dev.flowgate.deployments.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outboxes (deployment state, replay triggers, cancel requests) publish.
 *
 * @param sendTimeout how long a publish waits for Kafka's acknowledgement
 * @param lease how long a claimed document belongs to one publisher; longer than the
 * producer's {@code delivery.timeout.ms}, so a send in doubt cannot land after a later
 * state sent by another publisher
 * @param republishInterval how often unpublished documents are looked for
 * @param sweepInterval how often deployments changed by a replica that does not flag its
 * writes (the version before, during a rolling upgrade) are flagged for the republisher;
 * the first time one interval after start
 */
@ConfigurationProperties("flowgate.publication")
public record PublicationProperties(@DefaultValue("5s") Duration sendTimeout, @DefaultValue("60s") Duration lease,
		@DefaultValue("5s") Duration republishInterval, @DefaultValue("5m") Duration sweepInterval) {

	public PublicationProperties {
		Intervals.requirePositive(republishInterval, "flowgate.publication.republish-interval");
		Intervals.requirePositive(sweepInterval, "flowgate.publication.sweep-interval");
	}

}
