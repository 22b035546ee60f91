package dev.flowgate.runner.domain.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeploymentStateChanged;

/**
 * The deployments as last published, kept in memory. A trigger can arrive just before its
 * deployment does, so lookups may wait a little for it.
 */
public final class DeploymentView {

	private final Map<String, DeploymentStateChanged> deployments = new ConcurrentHashMap<>();

	private final SharedFlows flows = new SharedFlows();

	private final Map<String, List<CompletableFuture<DeploymentStateChanged>>> waiting = new ConcurrentHashMap<>();

	private volatile boolean caughtUp;

	public void put(DeploymentStateChanged published) {
		DeploymentStateChanged deployment = this.flows.hold(published);
		DeploymentStateChanged replaced = this.deployments.put(deployment.deploymentId(), deployment);
		if (replaced != null) {
			this.flows.release(replaced);
		}
		List<CompletableFuture<DeploymentStateChanged>> waiters = this.waiting.remove(deployment.deploymentId());
		if (waiters != null) {
			waiters.forEach((waiter) -> waiter.complete(deployment));
		}
	}

	/** A tombstone: the deployment is gone. */
	public void remove(String deploymentId) {
		DeploymentStateChanged removed = this.deployments.remove(deploymentId);
		if (removed != null) {
			this.flows.release(removed);
		}
	}

	public Optional<DeploymentStateChanged> find(String deploymentId) {
		return Optional.ofNullable(this.deployments.get(deploymentId));
	}

	/**
	 * The deployment, waiting up to {@code patience} for it to appear; empty if it does
	 * not.
	 */
	public CompletableFuture<Optional<DeploymentStateChanged>> await(String deploymentId, Duration patience) {
		DeploymentStateChanged known = this.deployments.get(deploymentId);
		if (known != null) {
			return CompletableFuture.completedFuture(Optional.of(known));
		}
		CompletableFuture<DeploymentStateChanged> waiter = new CompletableFuture<>();
		this.waiting.computeIfAbsent(deploymentId, (id) -> new CopyOnWriteArrayList<>()).add(waiter);
		// It may have arrived between the first look and registering the waiter.
		find(deploymentId).ifPresent(waiter::complete);
		waiter.completeOnTimeout(null, patience.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((deployment, failure) -> forget(deploymentId, waiter));
		return waiter.thenApply(Optional::ofNullable);
	}

	public int size() {
		return this.deployments.size();
	}

	/** How many distinct flow versions the deployments pin, each held once. */
	public int flowVersions() {
		return this.flows.size();
	}

	/**
	 * Whether the view has read everything that was published when the runner started.
	 */
	public boolean isCaughtUp() {
		return this.caughtUp;
	}

	public void markCaughtUp() {
		this.caughtUp = true;
	}

	private void forget(String deploymentId, CompletableFuture<DeploymentStateChanged> waiter) {
		this.waiting.computeIfPresent(deploymentId, (id, waiters) -> {
			waiters.remove(waiter);
			return waiters.isEmpty() ? null : waiters;
		});
	}

}
