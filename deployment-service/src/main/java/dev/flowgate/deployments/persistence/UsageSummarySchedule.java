package dev.flowgate.deployments.persistence;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.domain.usage.UsageSummaries;

/** Sums usage by hour on a schedule; the first run right at start. */
@Component
class UsageSummarySchedule {

	private final UsageSummaries summaries;

	UsageSummarySchedule(UsageSummaries summaries) {
		this.summaries = summaries;
	}

	@Scheduled(fixedDelayString = "${flowgate.usage.summary-interval:5m}")
	void sum() {
		this.summaries.run();
	}

}
