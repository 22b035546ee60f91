package dev.flowgate.deployments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox settings shared with key-service.
 *
 * @param republishAllOnStart whether to publish every deployment again once started:
 * after Kafka lost {@code flowgate.deployments}, which the republisher alone would never
 * refill
 */
@ConfigurationProperties("flowgate.outbox")
public record OutboxProperties(boolean republishAllOnStart) {

}
