package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.flowgate.contracts.ExecutionCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The runner's meters: how long executions take by status ({@value #EXECUTIONS}), how
 * many run now ({@value #ACTIVE}) and the LLM tokens they use ({@value #TOKENS}).
 */
@Component
class ExecutionMetrics {

	static final String EXECUTIONS = "flowgate.runner.executions";

	static final String ACTIVE = "flowgate.runner.executions.active";

	static final String TOKENS = "flowgate.runner.llm.tokens";

	private static final String PROMPT = "prompt";

	private static final String COMPLETION = "completion";

	private static final List<String> TOKEN_TYPES = List.of(PROMPT, COMPLETION);

	// Buckets up to the gateway's execution deadline (300 s), not the default 30 s.
	private static final Duration LONGEST_EXECUTION = Duration.ofMinutes(5);

	private final MeterRegistry registry;

	ExecutionMetrics(MeterRegistry registry, ExecutionCapacity capacity) {
		this.registry = registry;
		Gauge.builder(ACTIVE, capacity, ExecutionCapacity::inFlight)
			.description("Executions started and not finished")
			.register(registry);
		// At 0 from the start, so that increase() sees the first tokens after a start.
		for (String type : TOKEN_TYPES) {
			tokenCounter(type);
		}
	}

	void finished(ExecutionCompleted result) {
		Timer.builder(EXECUTIONS)
			.description("Execution durations, from start to result")
			.tag("status", result.status().name().toLowerCase(Locale.ROOT))
			.publishPercentileHistogram()
			.maximumExpectedValue(LONGEST_EXECUTION)
			.register(this.registry)
			.record(Duration.ofMillis(result.durationMillis()));
		tokens(PROMPT, result.tokenUsage().promptTokens());
		tokens(COMPLETION, result.tokenUsage().completionTokens());
	}

	private void tokens(String type, long amount) {
		if (amount > 0) {
			tokenCounter(type).increment(amount);
		}
	}

	private Counter tokenCounter(String type) {
		return Counter.builder(TOKENS).tag("type", type).register(this.registry);
	}

}
