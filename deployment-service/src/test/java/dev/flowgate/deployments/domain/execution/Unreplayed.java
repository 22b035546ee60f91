package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The collaborators of an execution service under test that records but never replays.
 */
public final class Unreplayed {

	/** A store that holds everything already: never waits, never tells. */
	public static final RecordedEvents RECORDED = (kind, executionId, lookupStarted) -> false;

	/** No replays here: enqueueing one fails the test. */
	public static final ReplayQueue REPLAYS = new ReplayQueue() {

		@Override
		public void enqueue(ExecutionRecord replay) {
			throw new UnsupportedOperationException("no replays here");
		}

		@Override
		public void landed(String executionId) {
		}

	};

	/** No owner erased here: erasing one fails the test. */
	public static final ErasedOwners NONE_ERASED = new ErasedOwners() {

		@Override
		public void remember(String ownerId, Instant erasedAt) {
			throw new UnsupportedOperationException("no erasures here");
		}

		@Override
		public Set<String> among(Collection<String> ownerIds) {
			return Set.of();
		}

	};

	private Unreplayed() {
	}

}
