package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Stores the hourly usage summaries and how far they go. */
public interface HourSummaries {

	/** Saves each summary over any earlier one of its hour. */
	void save(Collection<HourSummary> summaries);

	/** The deployment's summaries of the hours in {@code [from, to)}. */
	List<HourSummary> of(String ownerId, String deploymentId, Instant from, Instant to);

	SummaryProgress progress();

	/**
	 * Takes the right to run until {@code until} unless another run holds it.
	 * @return whether this run may go on
	 */
	boolean claim(Instant now, Instant until);

	/** Every hour before {@code hour} is summed. */
	void summedUpTo(Instant hour);

	/** Ends a run that started at {@code startedAt}, releasing the claim. */
	void finished(Instant startedAt);

	/** Releases the claim of a run that failed. */
	void release();

	/** Removes the summaries of hours before {@code hour}; returns how many. */
	long deleteBefore(Instant hour);

}
