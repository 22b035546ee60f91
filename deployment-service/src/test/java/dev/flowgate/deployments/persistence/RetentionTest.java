package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.usage.RejectedCallCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class RetentionTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private RetentionSweeper sweeper;

	@Autowired
	private RejectedCallCounts rejections;

	@Test
	void sweepRemovesRecordsOlderThanTheRetention() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		ExecutionEvents old = execution(api, Duration.ofDays(31));
		ExecutionEvents recent = execution(api, Duration.ofDays(29));
		new EventSender(this.kafka).send(old.requested(Map.of("q", "old")), old.completed(ExecutionStatus.SUCCEEDED, 5),
				recent.requested(Map.of("q", "recent")));
		await().until(() -> isRecorded(api, old) && isRecorded(api, recent)
				&& "succeeded".equals(api.get("/v1/executions/" + old.executionId()).text("status")));

		this.sweeper.sweep();

		assertThat(api.get("/v1/executions/" + old.executionId()).status()).isEqualTo(404);
		assertThat(api.get("/v1/executions/" + recent.executionId()).status()).isEqualTo(200);
	}

	@Test
	void sweepDropsRefusedCallCountsNoUsageWindowReaches() {
		String deploymentId = "deployment-" + UUID.randomUUID();
		Instant now = Instant.now();
		this.rejections.add(new TriggersRejected(UUID.randomUUID(), 1, now, "owner-1", deploymentId,
				now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(31)), Map.of("forbidden", 1L)));
		this.rejections.add(new TriggersRejected(UUID.randomUUID(), 1, now, "owner-1", deploymentId,
				now.minus(Duration.ofDays(29)), now.minus(Duration.ofDays(29)), Map.of("invalid_input", 2L)));
		Instant longAgo = now.minus(Duration.ofDays(365));

		this.sweeper.sweep();

		assertThat(this.rejections.since("owner-1", deploymentId, longAgo)).isEqualTo(Map.of("invalid_input", 2L));
	}

	private static ExecutionEvents execution(ApiClient api, Duration age) {
		return ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), "deployment-1")
			.at(Instant.now().minus(age));
	}

	private static boolean isRecorded(ApiClient api, ExecutionEvents execution) {
		return api.get("/v1/executions/" + execution.executionId()).status() == 200;
	}

}
