package dev.flowgate.deployments.domain.owner;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.ResultPage;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.execution.ErasedOwners;
import dev.flowgate.deployments.domain.execution.ExecutionRepository;
import dev.flowgate.deployments.domain.flow.Flow;
import dev.flowgate.deployments.domain.flow.FlowRepository;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.idempotency.IdempotencyStore;
import dev.flowgate.deployments.domain.usage.HourSummaries;
import dev.flowgate.deployments.domain.usage.RejectedCallCounts;

/**
 * Erases everything this service keeps of an owner the platform admin deleted: the
 * deployments, each deleted as its owner deletes one (whatever its environment or state),
 * so that its tombstone reaches the gateways and runners through the deployments' outbox;
 * the flows with every version; the execution records (which usage also reads), with the
 * replay triggers and cancel requests still to be published of them; the hourly usage
 * summaries, the refused-call counts and the idempotency records.
 * <p>
 * A bounded batch at a time, never all of an owner's data in memory. Each step removes
 * what it finds and a later run finds the rest, so a run cut short (a crash, the store
 * away) is completed by running it again, and a run after a complete one changes nothing.
 * The owner is remembered as erased first: an execution still in flight reports later,
 * and must not be recorded again ({@link ErasedOwners}).
 */
public class OwnerErasure {

	/** How many documents one removal takes at most. */
	public static final int DEFAULT_BATCH = 500;

	private static final int DEFINITIONS_AT_ONCE = 20;

	private static final System.Logger log = System.getLogger(OwnerErasure.class.getName());

	private final ErasedOwners erased;

	private final DeploymentService deployments;

	private final FlowService flows;

	private final FlowRepository flowStore;

	private final ExecutionRepository executions;

	private final HourSummaries summaries;

	private final RejectedCallCounts rejections;

	private final IdempotencyStore idempotency;

	private final Clock clock;

	private final int batch;

	/**
	 * @param batch the most documents one removal takes, and (up to
	 * {@value #DEFINITIONS_AT_ONCE}) one read of deployments or flows
	 */
	public OwnerErasure(ErasedOwners erased, DeploymentService deployments, FlowService flows, FlowRepository flowStore,
			ExecutionRepository executions, HourSummaries summaries, RejectedCallCounts rejections,
			IdempotencyStore idempotency, Clock clock, int batch) {
		if (batch < 1) {
			throw new IllegalArgumentException("batch must be at least 1");
		}
		this.erased = erased;
		this.deployments = deployments;
		this.flows = flows;
		this.flowStore = flowStore;
		this.executions = executions;
		this.summaries = summaries;
		this.rejections = rejections;
		this.idempotency = idempotency;
		this.clock = clock;
		this.batch = batch;
	}

	/**
	 * Erases the owner's data. Deployments go first (nothing serves them any more, and a
	 * flow is deleted only once no deployment uses it), executions before the usage
	 * summaries that are summed from them.
	 * @throws RuntimeException when a step fails: what was removed stays removed, and
	 * erasing again completes it
	 */
	public void erase(String ownerId) {
		this.erased.remember(ownerId, this.clock.instant());
		int deploymentCount = deleteDeployments(ownerId);
		int flowCount = deleteFlows(ownerId);
		long versionCount = inBatches(ownerId, this.flowStore::deleteOwnedVersions);
		long executionCount = inBatches(ownerId, this.executions::deleteOwned);
		long summaryCount = inBatches(ownerId, this.summaries::deleteOwned)
				+ inBatches(ownerId, this.rejections::deleteOwned);
		long idempotencyCount = inBatches(ownerId, this.idempotency::deleteOwned);
		log.log(System.Logger.Level.INFO,
				"Erased owner {0}: {1} deployments, {2} flows, {3} leftover flow versions, {4} executions, "
						+ "{5} usage summaries and refused-call counts, {6} idempotency records",
				ownerId, deploymentCount, flowCount, versionCount, executionCount, summaryCount, idempotencyCount);
	}

	/** Page by page (by a cursor, which a deleted deployment does not move). */
	private int deleteDeployments(String ownerId) {
		return deleteEach((cursor) -> this.deployments.page(ownerId, cursor, pageSize()), DeploymentSummary::id,
				(id) -> this.deployments.delete(ownerId, id));
	}

	/**
	 * Each flow as its owner deletes one: refused while a deployment uses it, so a
	 * deployment created meanwhile fails this run, and the next deletes it first.
	 */
	private int deleteFlows(String ownerId) {
		return deleteEach((cursor) -> this.flows.list(ownerId, cursor, pageSize()), Flow::id,
				(id) -> this.flows.delete(ownerId, id));
	}

	private static <T> int deleteEach(Function<String, ResultPage<T>> pages, Function<T, String> ids,
			Consumer<String> delete) {
		int deleted = 0;
		String cursor = null;
		do {
			ResultPage<T> page = pages.apply(cursor);
			for (T item : page.items()) {
				try {
					delete.accept(ids.apply(item));
					deleted++;
				}
				catch (NotFoundException alreadyDeleted) {
					// By a run before, or its owner, in the same instant.
				}
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return deleted;
	}

	/** Each deployment or flow read holds a flow definition: a few at a time. */
	private int pageSize() {
		return Math.min(this.batch, DEFINITIONS_AT_ONCE);
	}

	/** Removes a batch after another until none is found; returns how many in all. */
	private long inBatches(String ownerId, BatchRemoval removal) {
		long removed = 0;
		int found;
		do {
			found = removal.remove(ownerId, this.batch);
			removed += found;
		}
		while (found > 0);
		return removed;
	}

	@FunctionalInterface
	private interface BatchRemoval {

		int remove(String ownerId, int limit);

	}

}
