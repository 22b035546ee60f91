package dev.flowgate.runner.config;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import dev.flowgate.egress.AddressPolicy;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.GuardedLookups;
import dev.flowgate.egress.HostResolver;
import dev.flowgate.kafka.EventClock;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.domain.engine.EngineSettings;
import dev.flowgate.runner.domain.engine.FlowEngine;
import dev.flowgate.runner.domain.execution.ExecutionEvents;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.ExecutionSettings;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.JsonataExpressions;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.http.LlmSettings;
import dev.flowgate.runner.domain.node.http.OutboundHttp;
import dev.flowgate.runner.domain.node.http.OutboundSettings;
import dev.flowgate.runner.domain.node.http.StandardNodes;
import dev.flowgate.runner.domain.template.Templates;
import dev.flowgate.runner.outbound.ApacheHttpTransport;
import dev.flowgate.runner.outbound.PoolSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The plain-Java domain, wired from {@link RunnerProperties}. */
@Configuration(proxyBeanMethods = false)
class EngineConfig {

	@Bean
	Clock clock() {
		return EventClock.systemUtc();
	}

	@Bean
	EngineThreads engineThreads(RunnerProperties properties) {
		return new EngineThreads(properties.engine(), properties.http().lookupThreads());
	}

	/**
	 * Redirects are not followed: a redirect could lead past the outbound guards, so it
	 * fails the node like any other status outside 2xx.
	 */
	@Bean
	ApacheHttpTransport httpTransport(RunnerProperties properties, EngineThreads threads)
			throws NoSuchAlgorithmException {
		RunnerProperties.Http http = properties.http();
		return new ApacheHttpTransport(new PoolSettings(http.connectTimeout(), http.maxConnections(),
				http.maxConnectionsPerHost(), http.maxIdle()), SSLContext.getDefault(), threads.workers());
	}

	@Bean
	OutboundHttp outboundHttp(RunnerProperties properties, ApacheHttpTransport transport, EngineThreads threads) {
		RunnerProperties.Http http = properties.http();
		DestinationGuard guard = new DestinationGuard(HostResolver.SYSTEM, AddressPolicy.allowing(http.allowedCidrs()),
				"Host");
		return new OutboundHttp(transport, new OutboundSettings(http.maxResponseBytes().toBytes(), http.allowedHosts()),
				new GuardedLookups(guard, threads.lookups()));
	}

	@Bean
	FlowEngine flowEngine(OutboundHttp outboundHttp, EngineThreads threads, RunnerProperties properties, Clock clock) {
		RunnerProperties.Engine engine = properties.engine();
		JsonCodec json = new JsonCodec();
		JsonataExpressions expressions = new JsonataExpressions(engine.nodeTimeout(), engine.jsonataMaxDepth(),
				jsonataMaxMemory(engine));
		LlmSettings llm = new LlmSettings(properties.llm().baseUrl(), properties.llm().apiKey());
		NodeExecutors executors = StandardNodes.create(new Templates(json, engine.templateMaxChars()), expressions,
				outboundHttp, llm);
		return new FlowEngine(executors,
				new EngineSettings(engine.nodeTimeout(), engine.traceOutputMaxChars(), engine.maxRunOutputs().toBytes(),
						engine.maxHeldOutputs().toBytes(), engine.maxHeldOutputsPerOwner().toBytes()),
				json, threads.scheduler(), threads.workers(), threads.evaluators(), clock);
	}

	private static long jsonataMaxMemory(RunnerProperties.Engine engine) {
		return (engine.jsonataMaxMemory() != null) ? engine.jsonataMaxMemory().toBytes()
				: Runtime.getRuntime().maxMemory() / (2L * engine.evaluationThreads());
	}

	@Bean
	DeploymentView deploymentView() {
		return new DeploymentView();
	}

	@Bean
	ExecutionService executionService(DeploymentView deployments, FlowEngine engine, ExecutionEvents events,
			EngineThreads threads, RunnerProperties properties, Clock clock) {
		String runnerId = StringUtils.hasText(properties.runnerId()) ? properties.runnerId()
				: "runner-" + UUID.randomUUID();
		ExecutionSettings settings = new ExecutionSettings(runnerId, properties.triggers().deploymentWait(),
				properties.engine().maxExecutionTime(), properties.triggers().startNoticeDelay());
		return new ExecutionService(deployments, engine, events, threads.scheduler(), settings, clock);
	}

}
