package dev.flowgate.deployments.domain.deployment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.deployments.domain.ExpectedRevision;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.PageLimit;
import dev.flowgate.deployments.domain.PreconditionFailedException;
import dev.flowgate.deployments.domain.ResultPage;
import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.deployment.PublishedWrites.Outcome;
import dev.flowgate.deployments.domain.flow.FlowVersion;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

/**
 * Creates, changes and deletes deployments. Each change is saved first and published
 * right after; what a crash leaves unpublished the republisher sends.
 */
public class DeploymentService {

	private static final System.Logger log = System.getLogger(DeploymentService.class.getName());

	private static final String RESOURCE_TITLE = "Deployment";

	private static final int DEFAULT_SYNC_TIMEOUT_SECONDS = 30;

	private final DeploymentRepository deployments;

	private final PublishedWrites writes;

	private final FlowPins flows;

	private final Clock clock;

	private final int perOwner;

	private final DeployedFlowBudget budget;

	/**
	 * @param perOwner the most deployments an owner may have: every gateway and runner
	 * holds every deployment, with its flow, in memory
	 * @param deployedFlowBytesPerOwner the most bytes (as JSON) of the distinct flow
	 * versions an owner's deployments may pin, for the same reason
	 */
	public DeploymentService(DeploymentRepository deployments, DeploymentPublication publication, FlowService flows,
			Clock clock, int perOwner, long deployedFlowBytesPerOwner) {
		this.deployments = deployments;
		this.writes = new PublishedWrites(publication);
		this.flows = new FlowPins(flows);
		this.clock = clock;
		this.perOwner = perOwner;
		this.budget = new DeployedFlowBudget(deployments, flows, deployedFlowBytesPerOwner);
	}

	/**
	 * @throws DeploymentLimitReachedException when the owner has as many deployments as
	 * one may have
	 * @throws DeployedFlowBudgetExceededException when its flow version would bring the
	 * owner's deployed flows past their budget
	 */
	public Deployment create(String ownerId, String flowId, DeploymentChanges settings) {
		Deployment deployment = newDeployment(ownerId, flowId, settings);
		if (this.deployments.countOwned(ownerId) >= this.perOwner) {
			throw new DeploymentLimitReachedException(this.perOwner);
		}
		this.budget.require(ownerId, deployment.id(), pin(deployment));
		this.deployments.insert(deployment);
		try {
			this.flows.requireExists(ownerId, flowId);
			requireWithinLimitOnceStored(ownerId);
			// Counted again once stored, as the deployments are.
			this.budget.require(ownerId, deployment.id(), pin(deployment));
		}
		catch (NotFoundException ex) {
			// Deleted by a deletion that did not see this deployment: withdrawn
			// as it is now, should it have been changed already.
			withdraw(ownerId, deployment.id());
			throw new InvalidRequestException("flowId", FlowPins.noSuchFlow(flowId));
		}
		catch (DeploymentLimitReachedException | DeployedFlowBudgetExceededException ex) {
			withdraw(ownerId, deployment.id());
			throw ex;
		}
		catch (RuntimeException ex) {
			// The store went away after the save: the deployment is stored, and a caller
			// told otherwise would create a second one.
			log.log(System.Logger.Level.WARNING, "Deployment {0} is stored; it could not be checked again: {1}",
					deployment.id(), ex.getMessage());
		}
		this.writes.publishNow(deployment.id());
		return deployment;
	}

	private Deployment newDeployment(String ownerId, String flowId, DeploymentChanges settings) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<FlowVersion> flow = this.flows.resolve(ownerId, flowId, settings.flowVersion(), problems);
		Instant now = this.clock.instant();
		Deployment defaults = new Deployment(UUID.randomUUID().toString(), ownerId,
				flow.map(FlowVersion::name).orElse(null), flowId, flow.map(FlowVersion::version).orElse(0),
				flow.map(FlowVersion::definition).orElse(null), DeploymentMode.SYNC, DeploymentEnvironment.PRODUCTION,
				true, DEFAULT_SYNC_TIMEOUT_SECONDS, DeliveryTarget.NONE, DeploymentLimits.NONE, 1, now, now);
		Deployment deployment = DeploymentSettings.apply(defaults, settings, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return deployment;
	}

	/**
	 * Created at the same time as another, both may have found room for one: counted
	 * again once stored, each over the limit is withdrawn, so the limit holds (and both
	 * may be refused).
	 */
	private void requireWithinLimitOnceStored(String ownerId) {
		if (this.deployments.countOwned(ownerId) > this.perOwner) {
			throw new DeploymentLimitReachedException(this.perOwner);
		}
	}

	private static PinnedVersion pin(Deployment deployment) {
		return new PinnedVersion(deployment.flowId(), deployment.flowVersion());
	}

	private void withdraw(String ownerId, String deploymentId) {
		try {
			delete(ownerId, deploymentId);
		}
		catch (NotFoundException alreadyDeleted) {
			// By its owner, in the same instant.
		}
	}

	public Deployment get(String ownerId, String deploymentId) {
		return this.deployments.find(ownerId, deploymentId)
			.orElseThrow(() -> new NotFoundException(RESOURCE_TITLE, deploymentId));
	}

	/** Every deployment of the owner, for usage, which reads them all. */
	public List<DeploymentSummary> list(String ownerId) {
		return this.deployments.findAll(ownerId);
	}

	/** A page of the owner's deployments, newest first. */
	public ResultPage<DeploymentSummary> page(String ownerId, String cursor, Integer limit) {
		int size = PageLimit.orDefault(limit, PageLimit.WHOLE_LIST_DEFAULT);
		TimeCursor after = (cursor != null) ? TimeCursor.decode(cursor) : null;
		return ResultPage.of(this.deployments.findNewest(ownerId, after, ResultPage.fetchSize(size)), size,
				(deployment) -> new TimeCursor(deployment.createdAt(), deployment.id()));
	}

	/** Applies the changes whatever the deployment's version (last writer wins). */
	public Deployment update(String ownerId, String deploymentId, DeploymentChanges changes) {
		return update(ownerId, deploymentId, changes, ExpectedRevision.ANY);
	}

	/**
	 * Applies the changes; a {@code flowVersion} pins that version's definition. Changes
	 * that change nothing leave the deployment as it was: no new version, no event.
	 * @param expected the versions the caller read: the deployment's
	 * {@link Deployment#version()} is checked against it in the same compare-and-set that
	 * stores the change
	 * @throws PreconditionFailedException when the deployment is at another version
	 * @throws DeployedFlowBudgetExceededException when the version it would pin would
	 * bring the owner's deployed flows past their budget
	 */
	public Deployment update(String ownerId, String deploymentId, DeploymentChanges changes,
			ExpectedRevision expected) {
		return this.writes.retryOnConcurrentChange(deploymentId, () -> {
			Deployment current = current(ownerId, deploymentId, expected);
			Deployment applied = applied(current, changes);
			if (applied.equals(current)) {
				// Nothing changes: no new version, so the ETags callers hold stay valid.
				return Outcome.unchanged(current);
			}
			if (applied.flowVersion() != current.flowVersion()) {
				// Checked before the write only: two redeploys at once may both pass.
				this.budget.require(ownerId, deploymentId, pin(applied));
			}
			Deployment next = applied.nextVersion(this.clock.instant());
			return Outcome.ifWritten(this.deployments.update(next), next);
		});
	}

	public void delete(String ownerId, String deploymentId) {
		delete(ownerId, deploymentId, ExpectedRevision.ANY);
	}

	/**
	 * Deletes the deployment if it is still at a version the caller expects.
	 * @throws PreconditionFailedException when it is at another version
	 */
	public void delete(String ownerId, String deploymentId, ExpectedRevision expected) {
		this.writes.retryOnConcurrentChange(deploymentId, () -> {
			Deployment current = current(ownerId, deploymentId, expected);
			return Outcome.ifWritten(this.deployments.markDeleted(current), current);
		});
	}

	/**
	 * The stored deployment, if at an expected version: the write then compares against
	 * that same version, so one stored in between fails it and is seen on the next try.
	 */
	private Deployment current(String ownerId, String deploymentId, ExpectedRevision expected) {
		Deployment current = get(ownerId, deploymentId);
		expected.require(RESOURCE_TITLE, deploymentId, current.version());
		return current;
	}

	/** The deployment with the changes applied, at its current version. */
	private Deployment applied(Deployment current, DeploymentChanges changes) {
		List<FieldProblem> problems = new ArrayList<>();
		Deployment pinned = current;
		if (changes.flowVersion() != null) {
			pinned = this.flows.resolve(current.ownerId(), current.flowId(), changes.flowVersion(), problems)
				.map((flow) -> current.pinnedTo(flow.version(), flow.definition()))
				.orElse(current);
		}
		Deployment next = DeploymentSettings.apply(pinned, changes, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return next;
	}

}
