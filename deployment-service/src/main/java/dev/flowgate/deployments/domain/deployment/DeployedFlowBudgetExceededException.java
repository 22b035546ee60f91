package dev.flowgate.deployments.domain.deployment;

import dev.flowgate.deployments.domain.ConflictException;

/** The owner's deployments would pin more flow than one owner may have deployed. */
public class DeployedFlowBudgetExceededException extends ConflictException {

	DeployedFlowBudgetExceededException(long budget, long wouldBe) {
		super(Kind.LIMIT_REACHED,
				("An owner's deployments can pin flow versions of at most %d bytes together "
						+ "(as JSON, each version once); this would bring yours to %d bytes: delete the deployments "
						+ "no longer used, or pin fewer or smaller versions")
					.formatted(budget, wouldBe));
	}

}
