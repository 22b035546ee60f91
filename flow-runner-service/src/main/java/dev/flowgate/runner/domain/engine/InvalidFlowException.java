package dev.flowgate.runner.domain.engine;

/** The flow graph cannot run: unknown node types, dangling edges, a cycle. */
public class InvalidFlowException extends RuntimeException {

	public InvalidFlowException(String message) {
		super(message);
	}

}
