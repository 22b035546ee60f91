package dev.flowgate.gateway.domain.deployment;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.view.AppliedWaiters;

/**
 * The gateway's in-memory copy of every deployment, fed from the compacted deployments
 * topic, and the access rules for triggering one.
 */
public final class DeploymentView {

	private final Map<String, Deployment> byId = new ConcurrentHashMap<>();

	private final AppliedWaiters<Deployment> waiters = new AppliedWaiters<>();

	/**
	 * Applies the latest state of a deployment; {@code null} (a tombstone) deletes it.
	 * Only what {@link Deployment} holds is kept of it, not its flow definition.
	 */
	public void apply(String deploymentId, DeploymentStateChanged state) {
		if (state == null) {
			this.byId.remove(deploymentId);
		}
		else {
			this.byId.put(deploymentId, Deployment.of(state));
		}
		this.waiters.applied(deploymentId, current(deploymentId));
	}

	/**
	 * Waits until the view holds the deployment as {@code expected}, for a management
	 * call that changed it to answer once a call through this replica sees the change.
	 * @return completes with {@code true} once it does, {@code false} when
	 * {@code timeout} passed first (or too many calls wait already)
	 */
	public CompletableFuture<Boolean> awaitApplied(ExpectedDeployment expected, Duration timeout) {
		String id = expected.deploymentId();
		return this.waiters.await(id, expected::metBy, () -> current(id), timeout);
	}

	/** As {@link #awaitApplied}, until the view no longer holds the deployment. */
	public CompletableFuture<Boolean> awaitDeleted(String deploymentId, Duration timeout) {
		return this.waiters.await(deploymentId, (deployment) -> deployment == null, () -> current(deploymentId),
				timeout);
	}

	private Deployment current(String deploymentId) {
		return this.byId.get(deploymentId);
	}

	public int size() {
		return this.byId.size();
	}

	/**
	 * The deployment {@code caller} may trigger.
	 * @param owned told of the deployment once it is known to be the caller's owner's,
	 * before the key is checked against it (a refusal from then on is the owner's
	 * concern)
	 * @throws Rejection 404 when unknown, another owner's or outside the key's allow-list
	 * (the same refusal for each), 403 when disabled
	 */
	public Deployment forTrigger(Caller caller, String deploymentId, Consumer<Deployment> owned) {
		Supplier<Rejection> notFound = () -> Rejection.notFound("Deployment '" + deploymentId + "' not found");
		return checked(caller, owned(caller, deploymentId).orElseThrow(notFound), owned, notFound);
	}

	/**
	 * FluxPrompt's {@code flowId}: a deployment id, or a flow id whose production
	 * deployment answers (enabled ones first, then those the key may trigger, then the
	 * one created or changed last).
	 * @param owned as for {@link #forTrigger}
	 */
	public Deployment forFluxFlow(Caller caller, String flowId, Consumer<Deployment> owned) {
		Supplier<Rejection> notFound = () -> Rejection.notFound(
				"Flow or deployment '" + flowId + "' not found (a flow is called through its production deployment)");
		Deployment deployment = owned(caller, flowId).or(() -> productionDeploymentOf(caller, flowId))
			.orElseThrow(notFound);
		return checked(caller, deployment, owned, notFound);
	}

	private Optional<Deployment> owned(Caller caller, String deploymentId) {
		return Optional.ofNullable(deploymentId)
			.map(this.byId::get)
			.filter((deployment) -> deployment.ownerId().equals(caller.ownerId()));
	}

	private Optional<Deployment> productionDeploymentOf(Caller caller, String flowId) {
		List<Deployment> candidates = this.byId.values()
			.stream()
			.filter((deployment) -> deployment.ownerId().equals(caller.ownerId()))
			.filter((deployment) -> flowId.equals(deployment.flowId()))
			.filter((deployment) -> deployment.environment() == DeploymentEnvironment.PRODUCTION)
			.toList();
		// Enabled first, then one this key may trigger, then the one changed last.
		Comparator<Deployment> preferred = Comparator.comparing((Deployment deployment) -> deployment.enabled())
			.thenComparing((deployment) -> caller.mayUse(deployment.id()))
			.thenComparing((deployment) -> deployment.occurredAt(), Comparator.nullsFirst(Comparator.naturalOrder()));
		return candidates.stream().max(preferred);
	}

	/**
	 * @param notFound the refusal of a deployment the caller cannot see: one outside the
	 * key's allow-list is refused alike, as polls and cancels treat its executions, so
	 * that a key learns nothing of its owner's other deployments
	 */
	private static Deployment checked(Caller caller, Deployment deployment, Consumer<Deployment> owned,
			Supplier<Rejection> notFound) {
		owned.accept(deployment);
		if (!caller.mayUse(deployment.id())) {
			throw notFound.get();
		}
		if (!deployment.enabled()) {
			throw Rejection.deploymentDisabled(deployment.id());
		}
		return deployment;
	}

}
