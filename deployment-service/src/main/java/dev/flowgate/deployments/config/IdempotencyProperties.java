package dev.flowgate.deployments.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the creating management routes honour {@code Idempotency-Key}.
 *
 * @param keptFor how long a repeat gets the first answer (the records are removed after
 * it, by a TTL index and the retention sweep)
 * @param abandonedAfter how long a first request may be in progress before a repeat takes
 * it to have died with its process and runs it again; longer than any create takes
 */
@ConfigurationProperties("flowgate.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration keptFor,
		@DefaultValue("60s") Duration abandonedAfter) {

}
