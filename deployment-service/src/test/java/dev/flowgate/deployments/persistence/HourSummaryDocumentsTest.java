package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.usage.DeploymentHour;
import dev.flowgate.deployments.domain.usage.DurationHistogram;
import dev.flowgate.deployments.domain.usage.HourSummary;
import dev.flowgate.deployments.domain.usage.UsageSample;
import dev.flowgate.deployments.domain.usage.UsageTally;

import static org.assertj.core.api.Assertions.assertThat;

/** Hourly summaries as stored documents, including those written by earlier versions. */
@IntegrationTest
class HourSummaryDocumentsTest {

	private final String ownerId = "owner-" + UUID.randomUUID();

	private final String deploymentId = UUID.randomUUID().toString();

	private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

	@Autowired
	private MongoHourSummaries summaries;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void keepsTheCancelledCount() {
		UsageTally tally = new UsageTally();
		tally.add(new UsageSample(this.hour, ExecutionStatus.CANCELLED, 30L, 0, 0));
		tally.add(new UsageSample(this.hour, ExecutionStatus.CANCELLED, 40L, 0, 0));
		tally.add(new UsageSample(this.hour, ExecutionStatus.TIMED_OUT, 50L, 0, 0));

		this.summaries
			.save(List.of(new HourSummary(new DeploymentHour(this.ownerId, this.deploymentId, this.hour), tally)));

		UsageTally.Counts counts = readBack();
		assertThat(counts.cancelled()).isEqualTo(2);
		assertThat(counts.timeouts()).isEqualTo(1);
		assertThat(counts.calls()).isEqualTo(3);
	}

	@Test
	void readsASummaryWrittenBeforeExecutionsCouldBeCancelledAsNoneCancelled() {
		this.mongo.insert(new Document("_id", this.deploymentId + "/" + this.hour).append("ownerId", this.ownerId)
			.append("deploymentId", this.deploymentId)
			.append("hour", Date.from(this.hour))
			.append("calls", 4L)
			.append("successes", 2L)
			.append("failures", 1L)
			.append("timeouts", 1L)
			.append("promptTokens", 0L)
			.append("completionTokens", 0L)
			.append("durations", new Binary(new DurationHistogram().encode())), MongoHourSummaries.COLLECTION);

		UsageTally.Counts counts = readBack();
		assertThat(counts.calls()).isEqualTo(4);
		assertThat(counts.timeouts()).isEqualTo(1);
		assertThat(counts.cancelled()).isZero();
	}

	private UsageTally.Counts readBack() {
		List<HourSummary> read = this.summaries.of(this.ownerId, List.of(this.deploymentId), this.hour,
				this.hour.plus(Duration.ofHours(1)));
		assertThat(read).hasSize(1);
		return read.get(0).tally().counts();
	}

}
