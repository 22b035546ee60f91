package dev.flowgate.gateway.config;

import java.time.Clock;
import java.util.UUID;

import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.AdminSecret;
import dev.flowgate.gateway.domain.key.Gatekeeper;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.limit.SharedLimitCounts;
import dev.flowgate.gateway.domain.trigger.ExecutionRecords;
import dev.flowgate.gateway.domain.trigger.IdempotencyMemory;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;
import dev.flowgate.gateway.domain.trigger.TriggerPublisher;
import dev.flowgate.gateway.domain.trigger.TriggerService;
import dev.flowgate.gateway.domain.trigger.TriggerSettings;
import dev.flowgate.gateway.domain.trigger.WaitingCalls;
import dev.flowgate.gateway.domain.usage.RejectionTally;
import dev.flowgate.gateway.domain.view.Readiness;
import dev.flowgate.gateway.messaging.RateLimitSharing;
import dev.flowgate.kafka.EventClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java domain objects. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

	private static final int RANDOM_INSTANCE_ID_LENGTH = 8;

	@Bean
	Clock clock() {
		return EventClock.systemUtc();
	}

	@Bean
	KeyView keyView(Clock clock) {
		return new KeyView(clock);
	}

	@Bean
	DeploymentView deploymentView() {
		return new DeploymentView();
	}

	@Bean
	Readiness readiness() {
		return new Readiness();
	}

	@Bean
	RateLimits rateLimits(Clock clock) {
		return new RateLimits(clock);
	}

	@Bean
	ManagementLimits managementLimits(Clock clock, GatewayProperties properties) {
		return new ManagementLimits(clock, properties.management().requestsPerMinute());
	}

	@Bean
	Gatekeeper gatekeeper(KeyView keys, RateLimits limits, Readiness readiness, GatewayProperties properties) {
		return new Gatekeeper(keys, limits, readiness::ready, properties.startingRetryAfter());
	}

	@Bean
	AdminSecret adminSecret(GatewayProperties properties) {
		return new AdminSecret(properties.adminSecret());
	}

	@Bean
	RejectionTally rejectionTally(Clock clock) {
		return new RejectionTally(clock);
	}

	@Bean
	InFlightElsewhere inFlightElsewhere(Clock clock, GatewayProperties properties) {
		return new InFlightElsewhere(clock, properties.limitSharing().staleAfter());
	}

	@Bean
	SharedLimitCounts sharedLimitCounts(RateLimits limits, InFlightElsewhere elsewhere, TriggerSettings settings,
			Clock clock, MeterRegistry meters) {
		Counter received = RateLimitSharing.counter(meters, "received");
		return new SharedLimitCounts(limits, elsewhere, settings.instanceId(), clock, received::increment);
	}

	@Bean
	InFlightExecutions inFlightExecutions(InFlightElsewhere elsewhere, Clock clock, GatewayProperties properties) {
		return new InFlightExecutions(elsewhere, clock, properties.executionGrace());
	}

	@Bean
	IdempotencyMemory idempotencyMemory(Clock clock, GatewayProperties properties) {
		GatewayProperties.Idempotency idempotency = properties.idempotency();
		return new IdempotencyMemory(clock, idempotency.retention(), idempotency.capacity(),
				idempotency.maxMemory().toBytes());
	}

	@Bean
	TriggerSettings triggerSettings(GatewayProperties properties) {
		String instanceId = properties.instanceId();
		if (instanceId == null || instanceId.isBlank()) {
			instanceId = "gw-" + UUID.randomUUID().toString().substring(0, RANDOM_INSTANCE_ID_LENGTH);
		}
		return new TriggerSettings(instanceId, properties.executionDeadline(), properties.kafkaRetryAfter());
	}

	@Bean
	WaitingCalls waitingCalls() {
		return new WaitingCalls();
	}

	@Bean
	TriggerService triggerService(RateLimits limits, InFlightExecutions inFlight, IdempotencyMemory memory,
			ExecutionRecords records, TriggerPublisher publisher, TriggerSettings settings, WaitingCalls waiting,
			Clock clock) {
		return new TriggerService(limits, inFlight, memory, records, publisher, settings, waiting, clock);
	}

}
