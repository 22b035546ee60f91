package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Executions in a list, read as MongoUsageSamples reads them from the collection. */
final class InMemoryUsageSamples implements UsageSamples {

	private final List<Execution> stored = new ArrayList<>();

	/** How many hours are summed before summing one fails; negative: none fails. */
	int hoursBeforeFailure = -1;

	/** How often the executions were read for usage (not for summing hours). */
	int reads;

	void add(String ownerId, String deploymentId, Instant writtenAt, UsageSample sample) {
		add(ownerId, deploymentId, "key-1", writtenAt, sample);
	}

	void add(String ownerId, String deploymentId, String keyId, Instant writtenAt, UsageSample sample) {
		UsageSample keyed = new UsageSample(sample.createdAt(), sample.status(), sample.durationMillis(),
				sample.promptTokens(), sample.completionTokens(), keyId);
		this.stored
			.add(new Execution(DeploymentHour.of(ownerId, deploymentId, sample.createdAt()), keyId, writtenAt, keyed));
	}

	void removeCreatedBefore(Instant instant) {
		this.stored.removeIf((execution) -> execution.createdAt().isBefore(instant));
	}

	@Override
	public void forEach(String ownerId, Collection<String> deploymentIds, Instant from, Instant to,
			BiConsumer<String, UsageSample> each) {
		this.reads++;
		created(from, to).filter((execution) -> deploymentIds.contains(execution.hour().deploymentId()))
			.forEach((execution) -> each.accept(execution.hour().deploymentId(), execution.sample()));
	}

	@Override
	public void forEachOfKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			BiConsumer<String, UsageSample> each) {
		this.reads++;
		created(from, to)
			.filter((execution) -> deploymentIds.contains(execution.hour().deploymentId())
					&& execution.keyId().equals(keyId))
			.forEach((execution) -> each.accept(execution.hour().deploymentId(), execution.sample()));
	}

	@Override
	public void forEachCreated(Instant from, Instant to, BiConsumer<DeploymentHour, UsageSample> each) {
		if (this.hoursBeforeFailure-- == 0) {
			throw new IllegalStateException("MongoDB is away");
		}
		created(from, to).forEach((execution) -> each.accept(execution.hour(), execution.sample()));
	}

	@Override
	public Set<DeploymentHour> writtenSince(Instant since, Instant createdBefore) {
		return hours(
				(execution) -> !execution.writtenAt().isBefore(since) && execution.createdAt().isBefore(createdBefore));
	}

	@Override
	public Set<DeploymentHour> writtenSince(Collection<String> deploymentIds, Instant since, Instant createdFrom,
			Instant createdBefore) {
		this.reads++;
		return hours((execution) -> deploymentIds.contains(execution.hour().deploymentId())
				&& !execution.writtenAt().isBefore(since) && !execution.createdAt().isBefore(createdFrom)
				&& execution.createdAt().isBefore(createdBefore));
	}

	@Override
	public Optional<Instant> earliestCreatedAt() {
		return this.stored.stream().map(Execution::createdAt).min(Instant::compareTo);
	}

	private Stream<Execution> created(Instant from, Instant to) {
		return this.stored.stream()
			.filter((execution) -> !execution.createdAt().isBefore(from) && execution.createdAt().isBefore(to));
	}

	private Set<DeploymentHour> hours(Predicate<Execution> matching) {
		Set<DeploymentHour> hours = new HashSet<>();
		this.stored.stream().filter(matching).forEach((execution) -> hours.add(execution.hour()));
		return hours;
	}

	private record Execution(DeploymentHour hour, String keyId, Instant writtenAt, UsageSample sample) {

		Instant createdAt() {
			return this.sample.createdAt();
		}

	}

}
