package dev.flowgate.runner.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The runner's settings ({@code flowgate.runner.*}).
 *
 * @param runnerId names this runner in its events; a random id when blank
 */
@ConfigurationProperties("flowgate.runner")
public record RunnerProperties(String runnerId, @DefaultValue Llm llm, @DefaultValue Http http,
		@DefaultValue Engine engine, @DefaultValue Triggers triggers) {

	/**
	 * The platform's OpenAI-compatible LLM endpoint.
	 *
	 * @param apiKey sent only to {@code baseUrl}; never taken from a flow
	 */
	public record Llm(@DefaultValue("https://api.openai.com") String baseUrl, String apiKey) {

		@Override
		public String toString() {
			return "Llm[baseUrl=" + this.baseUrl + ", apiKey=***]";
		}

	}

	/**
	 * Outbound HTTP of http, file and llm nodes.
	 *
	 * @param maxResponseBytes the largest body read: the file node's cap, which its
	 * {@code maxBytes} can only lower
	 * @param allowedHosts hosts http, file and llm nodes may call; empty (the default)
	 * allows every host. The platform's own LLM endpoint is exempt.
	 * @param allowedCidrs private, loopback and link-local ranges the nodes may reach
	 * anyway; empty (the default) refuses them all (the local stack allows loopback)
	 * @param lookupThreads threads that look the nodes' hosts up, one lookup per host at
	 * a time: a host whose nameserver never answers holds one of them, not a worker
	 * @param maxConnections open connections of all nodes together; a request past them
	 * waits for one (within its node's timeout)
	 * @param maxConnectionsPerHost open connections to one host and port
	 * @param maxIdle how long a kept-alive connection may stay unused (closed after one
	 * to two times this); below the idle timeouts of NATs and load balancers on the way
	 */
	public record Http(@DefaultValue("1MB") DataSize maxResponseBytes, Set<String> allowedHosts,
			List<String> allowedCidrs, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("8") int lookupThreads, @DefaultValue("1024") int maxConnections,
			@DefaultValue("256") int maxConnectionsPerHost, @DefaultValue("30s") Duration maxIdle) {

		public Http {
			allowedHosts = (allowedHosts != null) ? Set.copyOf(allowedHosts) : Set.of();
			allowedCidrs = (allowedCidrs != null) ? List.copyOf(allowedCidrs) : List.of();
		}

	}

	/**
	 * The graph engine.
	 *
	 * @param nodeTimeout one attempt of a node, unless the node sets
	 * {@code timeoutSeconds}
	 * @param maxExecutionTime the longest any execution runs, whatever its deadline
	 * @param workerThreads run the nodes' own short work (starting requests, reading
	 * answers)
	 * @param evaluationThreads run transform and condition expressions (JSONata), which
	 * hold a thread for as long as they take
	 * @param evaluationThreadsPerOwner the most of those one owner's expressions hold at
	 * once, so that one owner's slow expressions leave threads to the others
	 * @param schedulerThreads run deadlines, timeouts and retry backoffs
	 * @param jsonataMaxMemory the most one JSONata evaluation may allocate, garbage
	 * included; a runaway expression stops there instead of filling the heap. Unset: the
	 * heap over twice the evaluation threads, so that every thread at its bound at once
	 * fills half of it (1 GB let three evaluations of one owner fill a 320 MB heap)
	 * @param maxRunOutputs the most the node outputs of one execution take together, as
	 * JSON: each is kept until the execution ends, so many large ones (templates that
	 * each repeat a large input) would otherwise fill the heap
	 * @param maxHeldOutputs the most the node outputs of every execution on the runner
	 * take together, and {@code maxHeldOutputsPerOwner} of one owner's executions: past
	 * either a node's output fails it rather than being held
	 * @param templateMaxChars the most characters one setting's templates render to (the
	 * values they take in counted), as large as a trigger's body: a template repeating a
	 * large input fails its node instead of filling the heap
	 */
	public record Engine(@DefaultValue("30s") Duration nodeTimeout, @DefaultValue("15m") Duration maxExecutionTime,
			@DefaultValue("4096") int traceOutputMaxChars, @DefaultValue("8") int workerThreads,
			@DefaultValue("2") int schedulerThreads, @DefaultValue("500") int jsonataMaxDepth,
			DataSize jsonataMaxMemory, @DefaultValue("4") int evaluationThreads,
			@DefaultValue("2") int evaluationThreadsPerOwner, @DefaultValue("16MB") DataSize maxRunOutputs,
			@DefaultValue("96MB") DataSize maxHeldOutputs, @DefaultValue("48MB") DataSize maxHeldOutputsPerOwner,
			@DefaultValue("1048576") int templateMaxChars) {
	}

	/**
	 * Consuming triggers and publishing results.
	 *
	 * @param maxInFlight executions one runner runs at once; near the cap it stops
	 * fetching triggers until one finishes
	 * @param deploymentWait how long a trigger waits for an unknown deployment
	 * @param startNoticeDelay how long an execution runs before {@code ExecutionStarted}
	 * announces it (shorter ones go from queued to their result); zero announces all
	 * @param resultScanMargin allowance for clock skew between a trigger's producer and
	 * the runners when looking for results published before a takeover
	 * @param resultScanTimeout the longest that look may wait for the next record before
	 * it is given up
	 * @param resultScanRetryInterval the wait before a look that was given up is tried
	 * again; the partition's triggers wait until one succeeds
	 * @param sendTimeout how long publishing a result may take; longer than the
	 * producer's {@code delivery.timeout.ms}, so that Kafka settles a send before it is
	 * given up
	 * @param sendRetryInterval the wait before a result that could not be published is
	 * tried again
	 * @param senderThreads publish results (each waits for Kafka's acknowledgement)
	 * @param handlerAttempts how often a trigger that fails unexpectedly is tried before
	 * it is dead-lettered
	 * @param rememberedPerPartition started executions remembered per partition, so that
	 * a second trigger with the same execution id (two gateways publishing for one
	 * idempotency key at once) does not run the flow again
	 * @param pollRecords triggers fetched per poll (at most half of {@code maxInFlight});
	 * the consumer pauses while fewer free slots are left, so a poll never overshoots the
	 * cap
	 * @param revokeDrain how long a runner giving partitions up while healthy (it stops,
	 * or a runner joins or leaves the group) lets their executions in flight finish and
	 * publish before it cancels the rest for the next owner; for all those partitions
	 * together. Below Spring's shutdown phase timeout (30 s) and far below
	 * {@code max.poll.interval.ms}, which the rebalance waits within; zero cancels at
	 * once
	 * @param maxInFlightInputs the inputs of the executions in flight together, as
	 * {@code InputWeight} estimates their memory; past it the consumer pauses as near
	 * {@code maxInFlight} (a poll's triggers all run, so one poll may go past it), so
	 * that many large triggers at once cannot run the runner out of memory
	 */
	public record Triggers(@DefaultValue("256") int maxInFlight, @DefaultValue("5s") Duration deploymentWait,
			@DefaultValue("1s") Duration startNoticeDelay, @DefaultValue("5m") Duration resultScanMargin,
			@DefaultValue("60s") Duration resultScanTimeout, @DefaultValue("5s") Duration resultScanRetryInterval,
			@DefaultValue("35s") Duration sendTimeout, @DefaultValue("5s") Duration sendRetryInterval,
			@DefaultValue("4") int senderThreads, @DefaultValue("3") int handlerAttempts,
			@DefaultValue("1s") Duration handlerRetryInterval, @DefaultValue("10000") int rememberedPerPartition,
			@DefaultValue("32") int pollRecords, @DefaultValue("20s") Duration revokeDrain,
			@DefaultValue("48MB") DataSize maxInFlightInputs) {

		/**
		 * Triggers one poll may return: at most half the cap, so that the consumer pauses
		 * only when the runner is busy.
		 */
		public int recordsPerPoll() {
			return Math.max(1, Math.min(this.pollRecords, this.maxInFlight / 2));
		}

	}

}
