package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Summaries in a map, with the progress and claim MongoHourSummaries keeps. */
public final class InMemoryHourSummaries implements HourSummaries {

	/** How often summaries were read. */
	int reads;

	final Map<DeploymentHour, HourSummary> stored = new HashMap<>();

	final Map<String, KeyHourSummary> keyShares = new HashMap<>();

	private Instant summedUpTo;

	private Instant lastRunAt;

	private Instant claimedUntil;

	private Instant keysSummedFrom;

	@Override
	public void save(Collection<HourSummary> summaries) {
		summaries.forEach((summary) -> this.stored.put(summary.key(), summary));
	}

	@Override
	public List<HourSummary> of(String ownerId, Collection<String> deploymentIds, Instant from, Instant to) {
		this.reads++;
		return this.stored.values()
			.stream()
			.filter((summary) -> deploymentIds.contains(summary.key().deploymentId()))
			.filter((summary) -> !summary.key().hour().isBefore(from) && summary.key().hour().isBefore(to))
			.toList();
	}

	@Override
	public void saveOfKeys(Collection<KeyHourSummary> summaries) {
		summaries.forEach((summary) -> this.keyShares.put(summary.hour() + "/" + summary.keyId(), summary));
	}

	@Override
	public List<KeyHourSummary> ofKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from,
			Instant to) {
		this.reads++;
		return this.keyShares.values()
			.stream()
			.filter((summary) -> deploymentIds.contains(summary.hour().deploymentId()) && summary.keyId().equals(keyId))
			.filter((summary) -> !summary.hour().hour().isBefore(from) && summary.hour().hour().isBefore(to))
			.toList();
	}

	/** As summaries made before keys' shares were: none, and no hour they start at. */
	void forgetKeyShares() {
		this.keyShares.clear();
		this.keysSummedFrom = null;
	}

	@Override
	public SummaryProgress progress() {
		return new SummaryProgress(this.summedUpTo, this.lastRunAt, this.keysSummedFrom);
	}

	@Override
	public void keysSummedFrom(Instant hour) {
		this.keysSummedFrom = hour;
	}

	@Override
	public boolean claim(Instant now, Instant until) {
		if (this.claimedUntil != null && this.claimedUntil.isAfter(now)) {
			return false;
		}
		this.claimedUntil = until;
		return true;
	}

	@Override
	public void summedUpTo(Instant hour) {
		this.summedUpTo = hour;
	}

	@Override
	public void firstRunStarted(Instant startedAt) {
		this.lastRunAt = startedAt;
	}

	@Override
	public void finished(Instant startedAt) {
		this.lastRunAt = startedAt;
		this.claimedUntil = null;
	}

	@Override
	public void release() {
		this.claimedUntil = null;
	}

	@Override
	public long deleteBefore(Instant hour) {
		int before = this.stored.size();
		int sharesBefore = this.keyShares.size();
		this.stored.keySet().removeIf((key) -> key.hour().isBefore(hour));
		this.keyShares.values().removeIf((share) -> share.hour().hour().isBefore(hour));
		return before - this.stored.size() + sharesBefore - this.keyShares.size();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		List<DeploymentHour> hours = this.stored.keySet()
			.stream()
			.filter((hour) -> hour.ownerId().equals(ownerId))
			.limit(limit)
			.toList();
		hours.forEach(this.stored::remove);
		List<String> shares = this.keyShares.entrySet()
			.stream()
			.filter((share) -> share.getValue().hour().ownerId().equals(ownerId))
			.map(Map.Entry::getKey)
			.limit(limit)
			.toList();
		shares.forEach(this.keyShares::remove);
		return hours.size() + shares.size();
	}

}
