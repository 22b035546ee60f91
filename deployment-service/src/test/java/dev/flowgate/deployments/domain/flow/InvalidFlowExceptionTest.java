package dev.flowgate.deployments.domain.flow;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidFlowExceptionTest {

	@Test
	void countsItsProblemsInPlainWords() {
		FlowProblem noOutput = new FlowProblem(null, "the flow needs at least one output node");
		FlowProblem noName = FlowProblem.ofField("name", "is required");

		assertThat(new InvalidFlowException(List.of(noOutput))).hasMessage("The flow has 1 problem");
		assertThat(new InvalidFlowException(List.of(noOutput, noName))).hasMessage("The flow has 2 problems");
	}

}
