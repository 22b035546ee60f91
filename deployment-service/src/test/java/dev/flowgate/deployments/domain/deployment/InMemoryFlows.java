package dev.flowgate.deployments.domain.deployment;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.flow.Flow;
import dev.flowgate.deployments.domain.flow.FlowRepository;
import dev.flowgate.deployments.domain.flow.FlowVersion;
import dev.flowgate.deployments.domain.flow.FlowVersionSummary;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

/** Flows in maps, for domain tests. */
public class InMemoryFlows implements FlowRepository {

	private final Map<String, Flow> flows = new ConcurrentHashMap<>();

	private final Map<String, FlowVersion> versions = new ConcurrentHashMap<>();

	private volatile boolean unreadable;

	private volatile Runnable beforeRead = () -> {
	};

	private volatile Runnable beforeInsert = () -> {
	};

	/** Runs {@code other} once, before the next read of a flow's record. */
	void beforeNextRead(Runnable other) {
		this.beforeRead = () -> {
			this.beforeRead = () -> {
			};
			other.run();
		};
	}

	/** Runs {@code other} once, before the next version is stored. */
	void beforeNextInsert(Runnable other) {
		this.beforeInsert = () -> {
			this.beforeInsert = () -> {
			};
			other.run();
		};
	}

	/** Every read of a flow's record fails from now on, as with the store away. */
	void failReads() {
		this.unreadable = true;
	}

	@Override
	public boolean insertVersion(FlowVersion version) {
		this.beforeInsert.run();
		return this.versions.putIfAbsent(version.flowId() + "/" + version.version(), version) == null;
	}

	@Override
	public void recordLatest(FlowVersion version) {
		// As in MongoDB: a later version updates the record, it never makes one.
		if (version.version() > 1 && !this.flows.containsKey(version.flowId())) {
			return;
		}
		this.flows.merge(version.flowId(),
				new Flow(version.flowId(), version.ownerId(), version.name(), version.version(), version.createdAt(),
						version.createdAt()),
				(flow, next) -> (next.latestVersion() > flow.latestVersion()) ? new Flow(flow.id(), flow.ownerId(),
						next.name(), next.latestVersion(), flow.createdAt(), next.updatedAt()) : flow);
	}

	@Override
	public Optional<Flow> findFlow(String ownerId, String flowId) {
		this.beforeRead.run();
		if (this.unreadable) {
			throw new IllegalStateException("Timed out after 5000 ms while waiting for a server");
		}
		return Optional.ofNullable(this.flows.get(flowId)).filter((flow) -> flow.ownerId().equals(ownerId));
	}

	@Override
	public Optional<FlowVersion> findLatestVersion(String ownerId, String flowId) {
		return versions(ownerId, flowId).stream().findFirst();
	}

	@Override
	public Optional<FlowVersion> findVersion(String ownerId, String flowId, int version) {
		return Optional.ofNullable(this.versions.get(flowId + "/" + version))
			.filter((found) -> found.ownerId().equals(ownerId));
	}

	@Override
	public long definitionBytes(String ownerId, Collection<PinnedVersion> versions) {
		return versions.stream()
			.flatMap((pinned) -> findVersion(ownerId, pinned.flowId(), pinned.version()).stream())
			.mapToLong(FlowVersion::definitionBytes)
			.sum();
	}

	@Override
	public long storedBytes(String ownerId) {
		return this.versions.values()
			.stream()
			.filter((version) -> version.ownerId().equals(ownerId))
			.mapToLong(FlowVersion::definitionBytes)
			.sum();
	}

	@Override
	public List<FlowVersionSummary> findVersionSummaries(String ownerId, String flowId, Integer below, int count) {
		return versions(ownerId, flowId).stream()
			.filter((version) -> below == null || version.version() < below)
			.limit(count)
			.map(FlowVersionSummary::of)
			.toList();
	}

	private List<FlowVersion> versions(String ownerId, String flowId) {
		return this.versions.values()
			.stream()
			.filter((version) -> version.flowId().equals(flowId) && version.ownerId().equals(ownerId))
			.sorted(Comparator.comparingInt(FlowVersion::version).reversed())
			.toList();
	}

	@Override
	public List<Flow> findRecentlyChanged(String ownerId, TimeCursor after, int count) {
		return NewestFirstPages.page(this.flows.values().stream().filter((flow) -> flow.ownerId().equals(ownerId)),
				Flow::updatedAt, Flow::id, after, count);
	}

	@Override
	public void deleteFlow(String flowId) {
		this.flows.remove(flowId);
	}

	@Override
	public void restoreFlow(Flow flow) {
		this.flows.put(flow.id(), flow);
	}

	@Override
	public void deleteVersions(String flowId) {
		this.versions.values().removeIf((version) -> version.flowId().equals(flowId));
	}

	@Override
	public void deleteVersion(String flowId, int version) {
		this.versions.remove(flowId + "/" + version);
	}

	@Override
	public int deleteOwnedVersions(String ownerId, int limit) {
		List<String> owned = this.versions.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().ownerId().equals(ownerId))
			.map(Map.Entry::getKey)
			.limit(limit)
			.toList();
		owned.forEach(this.versions::remove);
		return owned.size();
	}

	/** Whether any version of the flow is stored, its record or not. */
	public boolean hasVersions(String flowId) {
		return this.versions.values().stream().anyMatch((version) -> version.flowId().equals(flowId));
	}

}
