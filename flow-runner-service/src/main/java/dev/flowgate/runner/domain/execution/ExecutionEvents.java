package dev.flowgate.runner.domain.execution;

import dev.flowgate.contracts.ExecutionStarted;

/** Where the runner announces that it began an execution. */
public interface ExecutionEvents {

	void started(ExecutionStarted started);

}
