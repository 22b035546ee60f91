package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Stores the hourly usage summaries and how far they go. */
public interface HourSummaries {

	/** Saves each summary over any earlier one of its hour. */
	void save(Collection<HourSummary> summaries);

	/** The deployments' summaries of the hours in {@code [from, to)}. */
	List<HourSummary> of(String ownerId, Collection<String> deploymentIds, Instant from, Instant to);

	/** Saves each key's share of its hour over any earlier one. */
	void saveOfKeys(Collection<KeyHourSummary> summaries);

	/** The API key's shares of the deployments' hours in {@code [from, to)}. */
	List<KeyHourSummary> ofKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from,
			Instant to);

	SummaryProgress progress();

	/**
	 * Takes the right to run until {@code until} unless another run holds it.
	 * @return whether this run may go on
	 */
	boolean claim(Instant now, Instant until);

	/** Every hour before {@code hour} is summed. */
	void summedUpTo(Instant hour);

	/** The keys' shares are summed from {@code hour} on. */
	void keysSummedFrom(Instant hour);

	/**
	 * Marks the start of the first run before it sums anything: should it fail, the next
	 * run sums again the hours written to since.
	 */
	void firstRunStarted(Instant startedAt);

	/** Ends a run that started at {@code startedAt}, releasing the claim. */
	void finished(Instant startedAt);

	/** Releases the claim of a run that failed. */
	void release();

	/**
	 * Removes the summaries of hours before {@code hour}, the keys' shares with them;
	 * returns how many.
	 */
	long deleteBefore(Instant hour);

	/**
	 * Removes up to {@code limit} of the owner's summaries and up to as many of its keys'
	 * shares: the owner was deleted.
	 * @return how many it found, 0 once none is left
	 */
	int deleteOwned(String ownerId, int limit);

}
