package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Records in a map, found by owner as MongoExecutionRepository finds them. */
public final class InMemoryExecutions implements ExecutionRepository {

	final Map<String, ExecutionRecord> stored = new HashMap<>();

	@Override
	public ExecutionRecord merge(String executionId, UnaryOperator<ExecutionRecord> change) {
		return this.stored.compute(executionId, (id, current) -> change.apply(current));
	}

	@Override
	public void mergeAll(Map<String, UnaryOperator<ExecutionRecord>> changes) {
		changes.forEach(this::merge);
	}

	@Override
	public Optional<ExecutionRecord> find(String ownerId, String executionId) {
		return Optional.ofNullable(this.stored.get(executionId)).filter((record) -> ownerId.equals(record.ownerId()));
	}

	@Override
	public ExecutionPage page(ExecutionQuery query) {
		throw new UnsupportedOperationException();
	}

	@Override
	public long deleteCreatedBefore(Instant cutoff) {
		throw new UnsupportedOperationException();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		List<String> owned = this.stored.values()
			.stream()
			.filter((record) -> ownerId.equals(record.ownerId()))
			.map(ExecutionRecord::id)
			.limit(limit)
			.toList();
		owned.forEach(this.stored::remove);
		return owned.size();
	}

}
