package dev.flowgate.gateway.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.gateway.support.TopicTail;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refused trigger calls reach the owner's usage as counts per reason, strangers' never.
 */
@FlowgateInfra
class RejectedCallsTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void countsTheOwnersRefusedCallsByReasonAndNobodyElses() {
		DeploymentStateChanged deployment = this.stack
			.deploy(DeploymentStates.of(this.tenant.ownerId()).input("q", "question", "text", true), Behaviour.ECHO);
		Tenant scopedElsewhere = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.deployments("some-other-deployment"));
		Tenant stranger = this.stack.newTenant((key) -> key);
		Tenant limited = this.stack.newKey(this.tenant.ownerId(), (key) -> key.rateLimitPerMinute(1));
		this.stack.awaitVisible(this.tenant, deployment.deploymentId());
		this.stack.awaitVisible(scopedElsewhere);
		this.stack.awaitVisible(limited);
		this.stack.awaitVisible(stranger);
		String url = this.stack.a.url("/v1/deployments/" + deployment.deploymentId() + "/executions");

		try (KafkaConsumer<String, String> consumer = TopicTail.open(this.stack.bootstrapServers,
				Topics.TRIGGERS_REJECTED)) {
			IntStream.range(0, 2)
				.forEach((i) -> assertThat(Http.post(url, this.tenant.bearer(), "{}").status()).isEqualTo(400));
			assertThat(Http.post(url, scopedElsewhere.bearer(), "{}").status()).isEqualTo(404);
			assertThat(Http
				.post(url, Map.of("Authorization", "Bearer " + this.tenant.key(), "Accept", "text/html"),
						"{\"input_data\":{\"question\":\"q\"}}")
				.status()).isEqualTo(406);
			assertThat(Http.post(url, stranger.bearer(), "{}").status()).isEqualTo(404);
			assertThat(Http.post(url, Map.of("X-API-Key", TestKeys.newKey()), "{}").status()).isEqualTo(401);
			assertThat(Http.post(url, this.tenant.bearer(), "{\"input_data\":{\"question\":\"q\"}}").status())
				.isEqualTo(200);
			assertThat(Http.post(url, limited.bearer(), "{\"input_data\":{\"question\":\"q\"}}").status())
				.isEqualTo(200);
			assertThat(Http.post(url, limited.bearer(), "{\"input_data\":{\"question\":\"q\"}}").status())
				.isEqualTo(429);

			Map<String, Long> counted = new HashMap<>();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).records(Topics.TRIGGERS_REJECTED.name()).forEach((record) -> {
					TriggersRejected event = (TriggersRejected) Http.JSON.readValue(record.value(),
							FlowgateEvent.class);
					if (event.deploymentId().equals(deployment.deploymentId())) {
						assertThat(record.key()).isEqualTo(deployment.deploymentId());
						assertThat(event.ownerId()).isEqualTo(this.tenant.ownerId());
						event.counts().forEach((reason, count) -> counted.merge(reason, count, Long::sum));
					}
				});
				assertThat(counted)
					.isEqualTo(Map.of("invalid_input", 2L, "not_found", 1L, "not_acceptable", 1L, "rate_limited", 1L));
			});
		}
	}

}
