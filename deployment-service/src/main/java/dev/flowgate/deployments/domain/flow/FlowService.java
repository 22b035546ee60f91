package dev.flowgate.deployments.domain.flow;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.ExpectedRevision;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.PageLimit;
import dev.flowgate.deployments.domain.PreconditionFailedException;
import dev.flowgate.deployments.domain.ResultPage;
import dev.flowgate.deployments.domain.TimeCursor;

/** Creates, versions, reads and deletes an owner's flows. */
public class FlowService {

	private static final String RESOURCE_TITLE = "Flow";

	private final FlowRepository flows;

	private final DeployedFlows deployedFlows;

	private final FlowValidator validator;

	private final Clock clock;

	private final long storagePerOwner;

	/**
	 * @param storagePerOwner the most bytes (as JSON) all of an owner's flow versions may
	 * take: every version is kept until its flow is deleted
	 */
	public FlowService(FlowRepository flows, DeployedFlows deployedFlows, FlowValidator validator, Clock clock,
			long storagePerOwner) {
		this.flows = flows;
		this.deployedFlows = deployedFlows;
		this.validator = validator;
		this.clock = clock;
		this.storagePerOwner = storagePerOwner;
	}

	/**
	 * @throws FlowStorageBudgetExceededException when the owner's versions would take
	 * more than their budget
	 */
	public FlowVersion create(String ownerId, FlowDraft draft) {
		this.validator.requireValid(draft);
		FlowVersion first = new FlowVersion(UUID.randomUUID().toString(), ownerId, 1, draft.name(), draft.description(),
				draft.definition(), this.clock.instant());
		requireRoomFor(first);
		this.flows.insertVersion(first);
		requireRoomOnceStored(first);
		this.flows.recordLatest(first);
		return first;
	}

	/**
	 * Stores the draft as the flow's next immutable version. A flow deleted meanwhile
	 * (its record gone after the first look) keeps no version of it: the record is looked
	 * for again once the version is stored, and a deletion removes its versions after it
	 * removed the record, so of the two at least one sees the other.
	 */
	public FlowVersion update(String ownerId, String flowId, FlowDraft draft) {
		return update(ownerId, flowId, draft, ExpectedRevision.ANY);
	}

	/**
	 * As {@link #update(String, String, FlowDraft)}, if the latest version is one the
	 * caller expects. Storing the next version number is the compare-and-set: one stored
	 * in between takes that number first.
	 * @throws PreconditionFailedException when the latest version is another
	 */
	public FlowVersion update(String ownerId, String flowId, FlowDraft draft, ExpectedRevision expected) {
		FlowVersion latest = latest(ownerId, flowId);
		expected.require(RESOURCE_TITLE, flowId, latest.version());
		this.validator.requireValid(draft);
		FlowVersion next = new FlowVersion(flowId, ownerId, latest.version() + 1, draft.name(), draft.description(),
				draft.definition(), this.clock.instant());
		requireRoomFor(next);
		if (!this.flows.insertVersion(next)) {
			throw changedMeanwhile(ownerId, flowId, expected);
		}
		requireRoomOnceStored(next);
		this.flows.recordLatest(next);
		if (this.flows.findFlow(ownerId, flowId).isEmpty()) {
			this.flows.deleteVersion(flowId, next.version());
			throw new NotFoundException(RESOURCE_TITLE, flowId);
		}
		return next;
	}

	private void requireRoomFor(FlowVersion version) {
		long bytes = this.flows.storedBytes(version.ownerId()) + version.definitionBytes();
		if (bytes > this.storagePerOwner) {
			throw new FlowStorageBudgetExceededException(this.storagePerOwner, bytes);
		}
	}

	/**
	 * Stored at the same time as another, both may have found room: counted again once
	 * stored (before the flow's record shows it), each past the budget is removed, so the
	 * budget holds (and both may be refused).
	 */
	private void requireRoomOnceStored(FlowVersion version) {
		long bytes = this.flows.storedBytes(version.ownerId());
		if (bytes > this.storagePerOwner) {
			this.flows.deleteVersion(version.flowId(), version.version());
			throw new FlowStorageBudgetExceededException(this.storagePerOwner, bytes);
		}
	}

	private RuntimeException changedMeanwhile(String ownerId, String flowId, ExpectedRevision expected) {
		if (!expected.any()) {
			return new PreconditionFailedException(RESOURCE_TITLE, flowId, latest(ownerId, flowId).version());
		}
		return new ConcurrentChangeException(
				"Flow '%s' was changed at the same time; read it again and retry".formatted(flowId));
	}

	public FlowVersion latest(String ownerId, String flowId) {
		requireFlow(ownerId, flowId);
		return this.flows.findLatestVersion(ownerId, flowId)
			.orElseThrow(() -> new NotFoundException(RESOURCE_TITLE, flowId));
	}

	public FlowVersion version(String ownerId, String flowId, int version) {
		requireFlow(ownerId, flowId);
		return this.flows.findVersion(ownerId, flowId, version)
			.orElseThrow(() -> new NotFoundException(RESOURCE_TITLE + " version", flowId + "/" + version));
	}

	/** A page of a flow's versions, newest first. */
	public ResultPage<FlowVersionSummary> versions(String ownerId, String flowId, String cursor, Integer limit) {
		// The flow itself too: a crash mid-delete can leave its versions behind.
		requireFlow(ownerId, flowId);
		int size = PageLimit.orDefault(limit, PageLimit.WHOLE_LIST_DEFAULT);
		Integer below = (cursor != null) ? VersionCursor.decode(cursor).version() : null;
		return ResultPage.of(this.flows.findVersionSummaries(ownerId, flowId, below, ResultPage.fetchSize(size)), size,
				(version) -> new VersionCursor(version.version()));
	}

	/**
	 * A page of the owner's flows, recently changed first. A flow changed while a client
	 * pages moves to the front, so that pass may miss it.
	 */
	public ResultPage<Flow> list(String ownerId, String cursor, Integer limit) {
		int size = PageLimit.orDefault(limit, PageLimit.WHOLE_LIST_DEFAULT);
		TimeCursor after = (cursor != null) ? TimeCursor.decode(cursor) : null;
		return ResultPage.of(this.flows.findRecentlyChanged(ownerId, after, ResultPage.fetchSize(size)), size,
				(flow) -> new TimeCursor(flow.updatedAt(), flow.id()));
	}

	/**
	 * Deletes a flow no deployment uses. Its record goes before the last look for
	 * deployments, and a deployment's creation looks for the record after saving (see
	 * {@link #requireExists}): of the two at the same time, at least one sees the other.
	 */
	public void delete(String ownerId, String flowId) {
		Flow flow = requireFlow(ownerId, flowId);
		requireUndeployed(flowId);
		this.flows.deleteFlow(flowId);
		try {
			requireUndeployed(flowId);
		}
		catch (RuntimeException ex) {
			restore(flow);
			throw ex;
		}
		// A crash before this leaves only versions nothing serves.
		this.flows.deleteVersions(flowId);
	}

	/** The sizes of the owner's {@code versions} together, as JSON. */
	public long definitionBytes(String ownerId, Collection<PinnedVersion> versions) {
		return this.flows.definitionBytes(ownerId, versions);
	}

	/**
	 * @throws NotFoundException if the flow does not exist, or is being deleted
	 */
	public void requireExists(String ownerId, String flowId) {
		requireFlow(ownerId, flowId);
	}

	/** Puts the record back, moved on to a version stored since it was read. */
	private void restore(Flow flow) {
		this.flows.restoreFlow(flow);
		this.flows.findLatestVersion(flow.ownerId(), flow.id())
			.filter((latest) -> latest.version() > flow.latestVersion())
			.ifPresent(this.flows::recordLatest);
	}

	private void requireUndeployed(String flowId) {
		if (this.deployedFlows.isDeployed(flowId)) {
			throw new ConflictException(ConflictException.Kind.IN_USE,
					"Flow '%s' is used by a deployment; delete the deployment first".formatted(flowId));
		}
	}

	private Flow requireFlow(String ownerId, String flowId) {
		return this.flows.findFlow(ownerId, flowId).orElseThrow(() -> new NotFoundException(RESOURCE_TITLE, flowId));
	}

}
