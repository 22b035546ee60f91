package dev.flowgate.runner.support;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.egress.AddressPolicy;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.GuardedLookups;
import dev.flowgate.egress.HostResolver;
import dev.flowgate.runner.domain.engine.EngineSettings;
import dev.flowgate.runner.domain.engine.FairShares;
import dev.flowgate.runner.domain.engine.FlowEngine;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.JsonataExpressions;
import dev.flowgate.runner.domain.node.http.LlmSettings;
import dev.flowgate.runner.domain.node.http.OutboundHttp;
import dev.flowgate.runner.domain.node.http.OutboundSettings;
import dev.flowgate.runner.domain.node.http.StandardNodes;
import dev.flowgate.runner.domain.template.Templates;
import dev.flowgate.runner.outbound.ApacheHttpTransport;
import dev.flowgate.runner.outbound.PoolSettings;

/** A real engine with every node type, its own threads and HTTP client, no Spring. */
public final class EngineFixture implements AutoCloseable {

	public static final String LLM_KEY = "sk-test-0123456789";

	public static final long MAX_BYTES = 64 * 1024;

	public static final int TEMPLATE_MAX_CHARS = 1 << 20;

	/** The most one run's node outputs take together, as JSON. */
	public static final long MAX_RUN_OUTPUT_BYTES = 4L << 20;

	/** The most the runs hold together, one owner's at most half. */
	public static final long MAX_HELD_OUTPUT_BYTES = 12L << 20;

	/** Whose flows {@link #run} runs. */
	public static final String OWNER = "owner-1";

	/** The evaluation threads, of which one owner's runs hold at most one at once. */
	public static final int EVALUATION_THREADS = 2;

	private static final Duration WAIT_FOR_OUTCOME = Duration.ofSeconds(30);

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	private final ExecutorService workers = Executors.newFixedThreadPool(4);

	private final ExecutorService evaluators = Executors.newFixedThreadPool(EVALUATION_THREADS);

	private final ThreadPoolExecutor lookups = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);

	private final ApacheHttpTransport transport;

	private final FlowEngine engine;

	public EngineFixture(String llmBaseUrl) {
		this(llmBaseUrl, Set.of(), 4096);
	}

	/** An engine whose nodes may reach the tests' servers on 127.0.0.1. */
	public EngineFixture(String llmBaseUrl, Set<String> allowedHosts, int traceOutputMaxChars) {
		this(llmBaseUrl, allowedHosts, List.of("127.0.0.0/8"), traceOutputMaxChars);
	}

	public EngineFixture(String llmBaseUrl, Set<String> allowedHosts, List<String> allowedCidrs,
			int traceOutputMaxChars) {
		this(llmBaseUrl, allowedHosts, allowedCidrs, traceOutputMaxChars, HostResolver.SYSTEM);
	}

	/** With names of the test's own, looked up by {@code resolver}. */
	public EngineFixture(String llmBaseUrl, Set<String> allowedHosts, List<String> allowedCidrs,
			int traceOutputMaxChars, HostResolver resolver) {
		this(llmBaseUrl, allowedHosts, allowedCidrs, traceOutputMaxChars, resolver, defaultTls());
	}

	/** Trusting the servers {@code tls} trusts. */
	public EngineFixture(String llmBaseUrl, Set<String> allowedHosts, List<String> allowedCidrs,
			int traceOutputMaxChars, HostResolver resolver, SSLContext tls) {
		this.transport = new ApacheHttpTransport(
				new PoolSettings(Duration.ofSeconds(2), 64, 64, Duration.ofSeconds(30)), tls, this.workers);
		JsonCodec json = new JsonCodec();
		DestinationGuard guard = new DestinationGuard(resolver, AddressPolicy.allowing(allowedCidrs), "Host");
		OutboundHttp http = new OutboundHttp(this.transport, new OutboundSettings(MAX_BYTES, allowedHosts),
				new GuardedLookups(guard, this.lookups));
		JsonataExpressions expressions = new JsonataExpressions(Duration.ofSeconds(2), 200, 256L << 20);
		this.engine = new FlowEngine(
				StandardNodes.create(new Templates(json, TEMPLATE_MAX_CHARS), expressions, http,
						new LlmSettings(llmBaseUrl, LLM_KEY)),
				new EngineSettings(Duration.ofSeconds(5), traceOutputMaxChars, MAX_RUN_OUTPUT_BYTES,
						MAX_HELD_OUTPUT_BYTES, MAX_HELD_OUTPUT_BYTES / 2),
				json, this.scheduler, this.workers, new FairShares(this.evaluators, EVALUATION_THREADS, 1)::forOwner,
				Clock.systemUTC());
	}

	private static SSLContext defaultTls() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	public FlowEngine engine() {
		return this.engine;
	}

	public FlowOutcome run(FlowDefinition flow, Map<String, Object> inputs) {
		return run(flow, inputs, Instant.now().plusSeconds(20));
	}

	public FlowOutcome run(FlowDefinition flow, Map<String, Object> inputs, Instant deadline) {
		try {
			return this.engine.start(OWNER, flow, inputs, deadline)
				.outcome()
				.get(WAIT_FOR_OUTCOME.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the run did not end", ex);
		}
	}

	@Override
	public void close() {
		this.transport.close();
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
		this.evaluators.shutdownNow();
		this.lookups.shutdownNow();
	}

}
