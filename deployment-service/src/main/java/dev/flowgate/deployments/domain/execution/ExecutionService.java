package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.flowgate.deployments.domain.PageLimit;
import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.execution.RecordedEvents.Kind;

/** Records executions from their events and answers queries about them. */
public class ExecutionService {

	static final String RESOURCE = "Execution";

	private static final int DEFAULT_PAGE_SIZE = 20;

	private static final Instant EARLIEST_QUERY = Instant.parse("0000-01-01T00:00:00Z");

	private static final Instant LATEST_QUERY = Instant.parse("9999-12-31T23:59:59.999Z");

	private final ExecutionRepository executions;

	private final ExecutionMerge merge;

	private final DeploymentService deployments;

	private final RecordedEvents recorded;

	private final ReplayQueue replays;

	private final ErasedOwners erasedOwners;

	public ExecutionService(ExecutionRepository executions, ExecutionMerge merge, DeploymentService deployments,
			RecordedEvents recorded, ReplayQueue replays, ErasedOwners erasedOwners) {
		this.executions = executions;
		this.merge = merge;
		this.deployments = deployments;
		this.recorded = recorded;
		this.replays = replays;
		this.erasedOwners = erasedOwners;
	}

	/**
	 * Folds execution events into their records, in their order, with one change per
	 * execution; repeating an event changes nothing. A replay's trigger among them is
	 * published for sure. Events of an erased owner (an execution in flight when the
	 * owner was deleted) are passed over: they would record the execution again.
	 */
	public void recordAll(List<? extends FlowgateEvent> events) {
		Set<String> erased = erased(events);
		Map<String, UnaryOperator<ExecutionRecord>> changes = new LinkedHashMap<>();
		for (FlowgateEvent event : events) {
			String ownerId = ownerOf(event);
			if (ownerId != null && erased.contains(ownerId)) {
				continue;
			}
			UnaryOperator<ExecutionRecord> fold = (current) -> this.merge.apply(current, event);
			changes.merge(event.subjectId(), fold,
					(earlier, later) -> (current) -> later.apply(earlier.apply(current)));
		}
		if (!changes.isEmpty()) {
			this.executions.mergeAll(changes);
		}
		for (FlowgateEvent event : events) {
			if (event instanceof ExecutionRequested requested && requested.source() == TriggerSource.REPLAY) {
				this.replays.landed(requested.executionId());
			}
		}
	}

	/**
	 * The erased owners among the events' owners: one read for the batch, none if none.
	 */
	private Set<String> erased(List<? extends FlowgateEvent> events) {
		List<String> owners = events.stream()
			.map(ExecutionService::ownerOf)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return owners.isEmpty() ? Set.of() : this.erasedOwners.among(owners);
	}

	private static String ownerOf(FlowgateEvent event) {
		if (event instanceof ExecutionRequested requested) {
			return requested.ownerId();
		}
		if (event instanceof ExecutionStarted started) {
			return started.ownerId();
		}
		if (event instanceof ExecutionCompleted completed) {
			return completed.ownerId();
		}
		return null;
	}

	/**
	 * The owner's execution; one not found is looked up again once the triggers accepted
	 * before this call are recorded, so that a poll right after the trigger finds it, and
	 * one not finished once the results published before this call are, so that a poll
	 * right after a sync answer sees what that answer said. One whose result was recorded
	 * before its trigger (each has a listener of its own) is read again once the triggers
	 * are, so that it is not answered without its source and inputs.
	 */
	public ExecutionRecord get(String ownerId, String executionId) {
		long started = System.nanoTime();
		ExecutionRecord found = this.executions.find(ownerId, executionId)
			.or(() -> recordedLater(Kind.TRIGGERS, ownerId, executionId, started))
			.orElseThrow(() -> new NotFoundException(RESOURCE, executionId));
		if (found.trigger() == null) {
			found = recordedLater(Kind.TRIGGERS, ownerId, executionId, started).orElse(found);
		}
		return found.isFinished() ? found : recordedLater(Kind.RESULTS, ownerId, executionId, started).orElse(found);
	}

	private Optional<ExecutionRecord> recordedLater(Kind kind, String ownerId, String executionId, long started) {
		return this.recorded.awaitRecorded(kind, executionId, started) ? this.executions.find(ownerId, executionId)
				: Optional.empty();
	}

	/** The owner's execution as recorded now, without waiting for recording. */
	public ExecutionRecord getAsRecorded(String ownerId, String executionId) {
		return this.executions.find(ownerId, executionId)
			.orElseThrow(() -> new NotFoundException(RESOURCE, executionId));
	}

	/** A page of the deployment's executions, newest first. */
	public ExecutionPage list(String ownerId, String deploymentId, ExecutionFilter filter, String cursor,
			Integer limit) {
		this.deployments.get(ownerId, deploymentId);
		return page(ownerId, deploymentId, filter, cursor, limit);
	}

	/**
	 * A page of the executions of all the owner's deployments, newest first, those of
	 * deleted deployments included (they are kept as long as any).
	 */
	public ExecutionPage listAll(String ownerId, ExecutionFilter filter, String cursor, Integer limit) {
		return page(ownerId, null, filter, cursor, limit);
	}

	/** Within four-digit years: a date past them overflows MongoDB's milliseconds. */
	private static void requireStorable(String field, Instant instant, List<FieldProblem> problems) {
		if (instant != null && (instant.isBefore(EARLIEST_QUERY) || instant.isAfter(LATEST_QUERY))) {
			problems.add(new FieldProblem(field, "must be from %s to %s".formatted(EARLIEST_QUERY, LATEST_QUERY)));
		}
	}

	private ExecutionPage page(String ownerId, String deploymentId, ExecutionFilter filter, String cursor,
			Integer limit) {
		List<FieldProblem> problems = new ArrayList<>();
		ExecutionStatus wanted = (filter.status() != null) ? parseStatus(filter.status(), problems) : null;
		int size = (limit != null) ? limit : DEFAULT_PAGE_SIZE;
		if (size < 1 || size > PageLimit.MAX) {
			problems.add(new FieldProblem("limit", "must be from 1 to " + PageLimit.MAX));
		}
		requireStorable("from", filter.from(), problems);
		requireStorable("to", filter.to(), problems);
		if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
			problems.add(new FieldProblem("from", "must be before 'to'"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		TimeCursor after = (cursor != null) ? TimeCursor.decode(cursor) : null;
		return this.executions.page(new ExecutionQuery(ownerId, deploymentId, wanted, filter.from(), filter.to(),
				filter.keyId(), after, size));
	}

	private static ExecutionStatus parseStatus(String token, List<FieldProblem> problems) {
		List<String> tokens = Arrays.stream(ExecutionStatus.values())
			.map((value) -> value.name().toLowerCase(Locale.ROOT))
			.toList();
		if (!tokens.contains(token)) {
			problems.add(new FieldProblem("status", "must be one of " + String.join(", ", tokens)));
			return null;
		}
		return ExecutionStatus.valueOf(token.toUpperCase(Locale.ROOT));
	}

}
