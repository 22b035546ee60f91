package dev.flowgate.runner.messaging;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records of one partition that were received but are not yet safe to commit. Records
 * finish in any order; the commit may only move past a record once it and every record
 * before it have finished.
 *
 * @param <A> what acknowledges a record (commits the offset after it)
 */
final class PendingOffsets<A> {

	private final NavigableMap<Long, Pending<A>> pending = new TreeMap<>();

	/**
	 * @param acknowledgement {@code null} for a record that cannot be acknowledged itself
	 */
	synchronized void received(long offset, A acknowledgement) {
		this.pending.put(offset, new Pending<>(acknowledgement));
	}

	/**
	 * Marks a record finished.
	 * @return what to acknowledge to commit past every finished record at the head, if
	 * the head moved; when the last of those cannot be acknowledged, the latest one
	 * before it that can
	 */
	synchronized Optional<A> finished(long offset) {
		Pending<A> record = this.pending.get(offset);
		if (record == null) {
			return Optional.empty();
		}
		record.finished = true;
		A toAcknowledge = null;
		while (!this.pending.isEmpty() && this.pending.firstEntry().getValue().finished) {
			A acknowledgement = this.pending.pollFirstEntry().getValue().acknowledgement;
			if (acknowledgement != null) {
				toAcknowledge = acknowledgement;
			}
		}
		return Optional.ofNullable(toAcknowledge);
	}

	private static final class Pending<A> {

		private final A acknowledgement;

		private boolean finished;

		Pending(A acknowledgement) {
			this.acknowledgement = acknowledgement;
		}

	}

}
