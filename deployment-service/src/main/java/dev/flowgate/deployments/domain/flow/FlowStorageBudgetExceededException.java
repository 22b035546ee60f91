package dev.flowgate.deployments.domain.flow;

import dev.flowgate.deployments.domain.ConflictException;

/** Another flow version would take the owner's stored flows past their budget. */
public class FlowStorageBudgetExceededException extends ConflictException {

	FlowStorageBudgetExceededException(long budget, long wouldBe) {
		super(Kind.LIMIT_REACHED,
				("An owner's flow versions can take at most %d bytes together (as JSON); this "
						+ "version would bring yours to %d bytes: delete the flows no longer used")
					.formatted(budget, wouldBe));
	}

}
