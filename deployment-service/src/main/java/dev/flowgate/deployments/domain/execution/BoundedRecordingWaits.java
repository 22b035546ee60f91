package dev.flowgate.deployments.domain.execution;

import java.util.concurrent.Semaphore;

/**
 * At most so many lookups wait for recording at once; the others are answered at once
 * from what is recorded. A flood of lookups of executions that do not exist (each would
 * wait the whole bound while the consumer lags, asking Kafka where it is every few
 * milliseconds) then holds a few request threads, not all of them.
 */
public final class BoundedRecordingWaits implements RecordedEvents {

	private final RecordedEvents recorded;

	private final Semaphore waiting;

	public BoundedRecordingWaits(RecordedEvents recorded, int maxWaiting) {
		this.recorded = recorded;
		this.waiting = new Semaphore(maxWaiting);
	}

	@Override
	public boolean awaitRecorded(Kind kind, String executionId, long lookupStarted) {
		if (!this.waiting.tryAcquire()) {
			return false;
		}
		try {
			return this.recorded.awaitRecorded(kind, executionId, lookupStarted);
		}
		finally {
			this.waiting.release();
		}
	}

}
