package dev.flowgate.keys.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeyService;
import dev.flowgate.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A key's last use follows the triggers on {@code flowgate.executions.requested}. */
@KeyServiceIntegrationTest
class LastUsedTest {

	private static final String OWNER = "owner-last-used";

	private static TopicReader topic;

	@Autowired
	private KeyIssuer issuer;

	@Autowired
	private KeyService keys;

	@Autowired
	private KafkaTemplate<String, FlowgateEvent> kafka;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	static void readTopic() {
		topic = TopicReader.keys();
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@Test
	void recordsTheLastUseOncePerResolutionWithoutPublishing() throws Exception {
		String keyId = this.issuer.issue(OWNER, KeyRequest.firstKey()).key().id();
		String marker = this.issuer.issue(OWNER, KeyRequest.firstKey()).key().id();
		Instant firstUse = Instant.parse("2026-11-23T10:00:00.250Z");

		trigger("exec-" + UUID.randomUUID(), keyId, firstUse);
		await().until(() -> firstUse.equals(lastUsedAt(keyId)));

		// Same record key, so the marker is consumed after the use it follows.
		String executionId = "exec-" + UUID.randomUUID();
		trigger(executionId, keyId, firstUse.plusSeconds(10));
		trigger(executionId, marker, firstUse);
		await().until(() -> lastUsedAt(marker) != null);
		assertThat(lastUsedAt(keyId)).isEqualTo(firstUse);

		Instant later = firstUse.plus(Duration.ofMinutes(5));
		trigger("exec-" + UUID.randomUUID(), keyId, later);
		await().until(() -> later.equals(lastUsedAt(keyId)));

		// The key's one state, from issuing it: uses publish nothing.
		topic.awaitFirstState(keyId);
		assertThat(topic.recordsOf(keyId)).hasSize(1);
	}

	@Test
	void ignoresTriggersWithoutAKeyOrWithAnUnknownOne() throws Exception {
		String keyId = this.issuer.issue(OWNER, KeyRequest.firstKey()).key().id();
		String executionId = "exec-" + UUID.randomUUID();

		trigger(executionId, null, Instant.now());
		trigger(executionId, "no-such-key", Instant.now());
		trigger(executionId, keyId, Instant.now());

		await().until(() -> lastUsedAt(keyId) != null);
	}

	@Test
	void skipsCancellationRequestsOnTheTriggersTopic() throws Exception {
		Counter deadLettered = this.meters.counter(DeadLetters.COUNTER, "topic", Topics.EXECUTIONS_REQUESTED.name());
		double deadLetteredBefore = deadLettered.count();
		String keyId = this.issuer.issue(OWNER, KeyRequest.firstKey()).key().id();
		String executionId = "exec-" + UUID.randomUUID();

		this.kafka
			.send(Topics.EXECUTIONS_REQUESTED.name(), executionId,
					new ExecutionCancellationRequested(UUID.randomUUID(), ExecutionCancellationRequested.SCHEMA_VERSION,
							Instant.now(), executionId, OWNER, "dep-1"))
			.get();
		// Same record key, so this trigger is read after the cancellation.
		trigger(executionId, keyId, Instant.now());

		await().until(() -> lastUsedAt(keyId) != null);
		assertThat(deadLettered.count()).isEqualTo(deadLetteredBefore);
	}

	private Instant lastUsedAt(String keyId) {
		return this.keys.get(OWNER, keyId).lastUsedAt();
	}

	private void trigger(String executionId, String keyId, Instant at) throws Exception {
		var requested = new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, at, executionId,
				OWNER, "dep-1", 1, keyId, TriggerSource.NATIVE, DeploymentMode.ASYNC, Map.of(), null,
				at.plusSeconds(60), null, null, null, null);
		this.kafka.send(Topics.EXECUTIONS_REQUESTED.name(), executionId, requested).get();
	}

}
