package dev.flowgate.deployments.domain.flow;

import java.util.List;

/** A flow that failed validation, with every problem found. */
public class InvalidFlowException extends RuntimeException {

	private final List<FlowProblem> problems;

	public InvalidFlowException(List<FlowProblem> problems) {
		super("The flow has %d problem%s".formatted(problems.size(), (problems.size() == 1) ? "" : "s"));
		this.problems = List.copyOf(problems);
	}

	public List<FlowProblem> problems() {
		return this.problems;
	}

}
