package dev.flowgate.runner.domain.engine;

import java.time.Duration;

/**
 * @param nodeTimeout how long one attempt of a node may take unless it says otherwise
 * @param traceOutputMaxChars how much of a node's output (as JSON) the trace keeps
 */
public record EngineSettings(Duration nodeTimeout, int traceOutputMaxChars) {
}
