package dev.flowgate.deployments.domain.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one summing pass adds up: each deployment hour, and each API key's share of it.
 */
final class HourTallies {

	private final Map<DeploymentHour, UsageTally> hours = new HashMap<>();

	private final Map<DeploymentHour, Map<String, UsageTally>> keyShares = new HashMap<>();

	/**
	 * Sums {@code hour} even if no execution comes: summing an hour again replaces it.
	 */
	HourTallies including(DeploymentHour hour) {
		this.hours.computeIfAbsent(hour, (any) -> new UsageTally());
		return this;
	}

	void add(DeploymentHour hour, UsageSample sample) {
		this.hours.computeIfAbsent(hour, (any) -> new UsageTally()).add(sample);
		if (sample.keyId() != null) {
			this.keyShares.computeIfAbsent(hour, (any) -> new HashMap<>())
				.computeIfAbsent(sample.keyId(), (any) -> new UsageTally())
				.add(sample);
		}
	}

	void saveTo(HourSummaries summaries) {
		summaries.save(this.hours.entrySet()
			.stream()
			.map((entry) -> new HourSummary(entry.getKey(), entry.getValue()))
			.toList());
		List<KeyHourSummary> shares = new ArrayList<>();
		this.keyShares.forEach(
				(hour, byKey) -> byKey.forEach((keyId, tally) -> shares.add(new KeyHourSummary(hour, keyId, tally))));
		summaries.saveOfKeys(shares);
	}

}
