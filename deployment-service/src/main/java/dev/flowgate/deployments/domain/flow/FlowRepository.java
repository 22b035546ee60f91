package dev.flowgate.deployments.domain.flow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.flowgate.deployments.domain.TimeCursor;

/** Stores flows and their immutable versions. */
public interface FlowRepository {

	/**
	 * Stores a new version.
	 * @return {@code false} when that version number already exists
	 */
	boolean insertVersion(FlowVersion version);

	/** Creates the flow or moves it forward to {@code version} (never backwards). */
	void recordLatest(FlowVersion version);

	Optional<Flow> findFlow(String ownerId, String flowId);

	/**
	 * The highest stored version, which may be ahead of the flow's record after a crash.
	 */
	Optional<FlowVersion> findLatestVersion(String ownerId, String flowId);

	Optional<FlowVersion> findVersion(String ownerId, String flowId, int version);

	/**
	 * The sizes of the owner's {@code versions} together, as JSON
	 * ({@link FlowVersion#definitionBytes()}); a version not found counts nothing.
	 */
	long definitionBytes(String ownerId, Collection<PinnedVersion> versions);

	/**
	 * The sizes of all the owner's stored versions together, as JSON, also of those a
	 * crash left without their flow's record.
	 */
	long storedBytes(String ownerId);

	/**
	 * A line for each of up to {@code count} versions of the flow, newest first, without
	 * reading the graphs; empty for an unknown flow.
	 * @param below only versions lower than this, or {@code null} from the latest
	 */
	List<FlowVersionSummary> findVersionSummaries(String ownerId, String flowId, Integer below, int count);

	/**
	 * Up to {@code count} of the owner's flows, recently changed first, those changed at
	 * the same time by id descending.
	 * @param after only flows after this one in that order, or {@code null} from the
	 * first
	 */
	List<Flow> findRecentlyChanged(String ownerId, TimeCursor after, int count);

	/** Removes the flow's record; its versions stay until {@link #deleteVersions}. */
	void deleteFlow(String flowId);

	/** Puts back a record {@link #deleteFlow} removed. */
	void restoreFlow(Flow flow);

	void deleteVersions(String flowId);

	/** Removes one version: one stored for a flow deleted meanwhile. */
	void deleteVersion(String flowId, int version);

	/**
	 * Removes up to {@code limit} of the owner's versions, of any flow (also those a
	 * crash left without their flow's record): the owner was deleted.
	 * @return how many it found, 0 once none is left
	 */
	int deleteOwnedVersions(String ownerId, int limit);

}
