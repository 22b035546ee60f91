package dev.flowgate.deployments.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.flowgate.deployments.domain.deployment.DeploymentPublication;
import dev.flowgate.deployments.domain.deployment.DeploymentRepository;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.execution.BoundedRecordingWaits;
import dev.flowgate.deployments.domain.execution.CancellationQueue;
import dev.flowgate.deployments.domain.execution.CancellationService;
import dev.flowgate.deployments.domain.execution.ErasedOwners;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionRepository;
import dev.flowgate.deployments.domain.execution.ExecutionRetention;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.deployments.domain.execution.PayloadLimit;
import dev.flowgate.deployments.domain.execution.RecordedEvents;
import dev.flowgate.deployments.domain.execution.ReplayQueue;
import dev.flowgate.deployments.domain.execution.ReplayService;
import dev.flowgate.deployments.domain.flow.DeployedFlows;
import dev.flowgate.deployments.domain.flow.FlowRepository;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowValidator;
import dev.flowgate.deployments.domain.idempotency.IdempotencyStore;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;
import dev.flowgate.deployments.domain.owner.OwnerErasure;
import dev.flowgate.deployments.domain.usage.HourSummaries;
import dev.flowgate.deployments.domain.usage.RejectedCallCounts;
import dev.flowgate.deployments.domain.usage.UsageSamples;
import dev.flowgate.deployments.domain.usage.UsageSeriesService;
import dev.flowgate.deployments.domain.usage.UsageService;
import dev.flowgate.deployments.domain.usage.UsageSummaries;
import dev.flowgate.deployments.domain.usage.UsageWindow;
import dev.flowgate.kafka.EventClock;

/** Wires the plain-Java domain services to their adapters. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

	@Bean
	Clock clock() {
		return EventClock.systemUtc();
	}

	@Bean
	FlowValidator flowValidator(FlowProperties properties) {
		return new FlowValidator(properties.maxNodes(), properties.maxEdges());
	}

	@Bean
	FlowService flowService(FlowRepository flows, DeployedFlows deployedFlows, FlowValidator validator, Clock clock,
			FlowProperties properties) {
		return new FlowService(flows, deployedFlows, validator, clock, properties.storagePerOwner().toBytes());
	}

	@Bean
	DeploymentService deploymentService(DeploymentRepository deployments, DeploymentPublication publication,
			FlowService flows, Clock clock, DeploymentProperties properties) {
		return new DeploymentService(deployments, publication, flows, clock, properties.perOwner(),
				properties.deployedFlowBytesPerOwner().toBytes());
	}

	@Bean
	ExecutionMerge executionMerge(ExecutionProperties properties) {
		return new ExecutionMerge(new PayloadLimit(properties.payloadLimit().toBytes()));
	}

	@Bean
	ExecutionService executionService(ExecutionRepository executions, ExecutionMerge merge,
			DeploymentService deployments, RecordedEvents recorded, ReplayQueue replays, ErasedOwners erasedOwners,
			ExecutionProperties properties) {
		return new ExecutionService(executions, merge, deployments,
				new BoundedRecordingWaits(recorded, properties.recordingWaits()), replays, erasedOwners);
	}

	@Bean
	ReplayService replayService(ExecutionService executions, DeploymentService deployments, ExecutionMerge merge,
			ReplayQueue queue, Clock clock, ExecutionProperties properties) {
		return new ReplayService(executions, deployments, merge, queue, clock, properties.replayDeadline());
	}

	@Bean
	CancellationService cancellationService(ExecutionService executions, CancellationQueue queue, Clock clock) {
		return new CancellationService(executions, queue, clock);
	}

	@Bean
	UsageSummaries usageSummaries(UsageSamples samples, HourSummaries summaries, Clock clock,
			UsageProperties properties) {
		return new UsageSummaries(samples, summaries, clock, new UsageSummaries.Settings(properties.summaryClaim(),
				properties.lateWriteMargin(), UsageWindow.longest().length()));
	}

	@Bean
	UsageService usageService(UsageSummaries usage, RejectedCallCounts rejections, DeploymentService deployments,
			Clock clock) {
		return new UsageService(usage, rejections, deployments, clock);
	}

	@Bean
	UsageSeriesService usageSeriesService(UsageSummaries usage, RejectedCallCounts rejections,
			DeploymentService deployments, Clock clock) {
		return new UsageSeriesService(usage, rejections, deployments, clock);
	}

	@Bean
	ExecutionRetention executionRetention(ExecutionRepository executions, Clock clock, ExecutionProperties properties) {
		return new ExecutionRetention(executions, clock, properties.retention());
	}

	@Bean
	OwnerErasure ownerErasure(ErasedOwners erasedOwners, DeploymentService deployments, FlowService flows,
			FlowRepository flowStore, ExecutionRepository executions, HourSummaries summaries,
			RejectedCallCounts rejections, IdempotencyStore idempotency, Clock clock) {
		return new OwnerErasure(erasedOwners, deployments, flows, flowStore, executions, summaries, rejections,
				idempotency, clock, OwnerErasure.DEFAULT_BATCH);
	}

	@Bean
	IdempotentRequests idempotentRequests(IdempotencyStore store, Clock clock, IdempotencyProperties properties) {
		return new IdempotentRequests(store, clock,
				new IdempotentRequests.Settings(properties.keptFor(), properties.abandonedAfter()));
	}

}
