package dev.flowgate.runner.domain.engine;

import java.time.Duration;

/**
 * @param nodeTimeout how long one attempt of a node may take unless it says otherwise
 * @param traceOutputMaxChars how much of a node's output (as JSON) the trace keeps
 * @param maxRunOutputBytes the most the outputs of one run's nodes take together (as
 * JSON, each kept until the run ends): past it the node that went over fails
 * @param maxHeldOutputBytes the most the outputs of every run on the runner take
 * together, and {@code maxHeldOutputBytesPerOwner} of one owner's runs
 */
public record EngineSettings(Duration nodeTimeout, int traceOutputMaxChars, long maxRunOutputBytes,
		long maxHeldOutputBytes, long maxHeldOutputBytesPerOwner) {
}
