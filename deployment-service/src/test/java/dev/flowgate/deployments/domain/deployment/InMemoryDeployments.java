package dev.flowgate.deployments.domain.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.flow.DeployedFlows;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

/**
 * Deployments in a map, for domain tests; what another request does at the same time can
 * be slipped in before an insert or an update, or after a look for a flow's deployments.
 */
public class InMemoryDeployments implements DeploymentRepository, DeployedFlows {

	private final Map<String, Deployment> live = new ConcurrentHashMap<>();

	private Runnable beforeInsert = () -> {
	};

	private Runnable afterLook = () -> {
	};

	private final AtomicInteger changesBeforeUpdates = new AtomicInteger();

	/** Runs {@code other} once, before the next insert. */
	void beforeNextInsert(Runnable other) {
		this.beforeInsert = once(other);
	}

	/**
	 * Before each of the next {@code count} updates, another writer stores a new version
	 * of that deployment first.
	 */
	void changedByAnotherWriterBeforeNextUpdates(int count) {
		this.changesBeforeUpdates.set(count);
	}

	/** Runs {@code other} once, after the next look for a flow's deployments. */
	public void afterNextLook(Runnable other) {
		this.afterLook = once(other);
	}

	@Override
	public void insert(Deployment deployment) {
		this.beforeInsert.run();
		this.live.put(deployment.id(), deployment);
	}

	@Override
	public Optional<Deployment> find(String ownerId, String deploymentId) {
		return Optional.ofNullable(this.live.get(deploymentId)).filter((found) -> found.ownerId().equals(ownerId));
	}

	@Override
	public List<DeploymentSummary> findAll(String ownerId) {
		return owned(ownerId).map(DeploymentSummary::of).toList();
	}

	@Override
	public Map<String, PinnedVersion> findPins(String ownerId) {
		return owned(ownerId).collect(Collectors.toMap(Deployment::id,
				(deployment) -> new PinnedVersion(deployment.flowId(), deployment.flowVersion())));
	}

	@Override
	public long countOwned(String ownerId) {
		return owned(ownerId).count();
	}

	@Override
	public List<DeploymentSummary> findNewest(String ownerId, TimeCursor after, int count) {
		return NewestFirstPages.page(owned(ownerId), Deployment::createdAt, Deployment::id, after, count)
			.stream()
			.map(DeploymentSummary::of)
			.toList();
	}

	private Stream<Deployment> owned(String ownerId) {
		return this.live.values().stream().filter((deployment) -> deployment.ownerId().equals(ownerId));
	}

	@Override
	public boolean update(Deployment next) {
		if (this.changesBeforeUpdates.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			this.live.computeIfPresent(next.id(), (id, stored) -> stored.nextVersion(stored.updatedAt()));
		}
		Deployment current = this.live.get(next.id());
		return current != null && current.version() == next.version() - 1
				&& this.live.replace(next.id(), current, next);
	}

	@Override
	public boolean markDeleted(Deployment current) {
		return this.live.remove(current.id(), current);
	}

	@Override
	public boolean isDeployed(String flowId) {
		boolean deployed = this.live.values().stream().anyMatch((deployment) -> deployment.flowId().equals(flowId));
		this.afterLook.run();
		return deployed;
	}

	private Runnable once(Runnable other) {
		return () -> {
			this.beforeInsert = () -> {
			};
			this.afterLook = () -> {
			};
			other.run();
		};
	}

}
