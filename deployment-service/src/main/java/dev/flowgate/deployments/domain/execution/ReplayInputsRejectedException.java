package dev.flowgate.deployments.domain.execution;

import java.util.List;

import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;

/**
 * A replay the deployment's current flow version refuses: the request is valid, but the
 * execution's recorded inputs no longer fit that version's input nodes; each problem
 * names an input.
 */
public class ReplayInputsRejectedException extends RuntimeException {

	private final List<FieldProblem> problems;

	ReplayInputsRejectedException(String message, List<FieldProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
