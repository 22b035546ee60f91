package dev.flowgate.gateway.domain.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyMemoryTest {

	private static final int KILOBYTE = 1024;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

	/**
	 * Room for about two triggers with 4 KB of text each, and for thousands of small
	 * ones.
	 */
	private final IdempotencyMemory memory = new IdempotencyMemory(this.clock, Duration.ofHours(24), 1000,
			20 * KILOBYTE);

	@Test
	void forgetsTheOldestTriggersOnceTheirInputsPassTheMemoryBudget() {
		ExecutionRequested first = trigger("x".repeat(4 * KILOBYTE));
		ExecutionRequested second = trigger("y".repeat(4 * KILOBYTE));
		ExecutionRequested third = trigger("z".repeat(4 * KILOBYTE));

		this.memory.claim(first);
		this.memory.claim(second);
		this.memory.claim(third);

		assertThat(this.memory.find(first.executionId())).isEmpty();
		assertThat(this.memory.find(second.executionId())).isPresent();
		assertThat(this.memory.find(third.executionId())).isPresent();
	}

	@Test
	void countsAResultItKeepsAgainstTheBudget() {
		ExecutionRequested first = trigger("x".repeat(4 * KILOBYTE));
		ExecutionRequested second = trigger("small");
		this.memory.claim(first);
		this.memory.claim(second);

		this.memory.finished(ExecutionSnapshot.finished(second, succeeded(second, "r".repeat(6 * KILOBYTE))));

		assertThat(this.memory.find(first.executionId())).isEmpty();
		assertThat(this.memory.find(second.executionId()))
			.hasValueSatisfying((remembered) -> assertThat(remembered.finished().outputs()).containsKey("text"));
	}

	@Test
	void keepsManySmallTriggersForTheirWholeRetention() {
		ExecutionRequested first = trigger("small");
		this.memory.claim(first);
		for (int i = 0; i < 100; i++) {
			this.memory.claim(trigger("small"));
		}
		this.clock.advance(Duration.ofHours(23));

		assertThat(this.memory.find(first.executionId())).isPresent();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.memory.find(first.executionId())).isEmpty();
	}

	@Test
	void failsTheRefusedClaimItselfAndKeepsALaterClaimOfItsId() {
		ExecutionRequested first = trigger("x".repeat(4 * KILOBYTE));
		IdempotencyMemory.Remembered claimed = this.memory.claim(first);
		this.memory.claim(trigger("y".repeat(4 * KILOBYTE)));
		this.memory.claim(trigger("z".repeat(4 * KILOBYTE)));
		IdempotencyMemory.Remembered claimedAgain = this.memory.claim(trigger(first.executionId(), "small"));

		this.memory.refused(claimed, new IllegalStateException("broker down"));

		assertThat(claimed.accepted()).isCompletedExceptionally();
		assertThat(this.memory.find(first.executionId())).hasValueSatisfying(
				(remembered) -> assertThat(remembered.accepted()).isSameAs(claimedAgain.accepted()).isNotDone());
	}

	@Test
	void answersAClaimOfARememberedIdWithTheEarlierTrigger() {
		ExecutionRequested first = trigger("small");
		this.memory.claim(first);

		assertThat(this.memory.claim(trigger(first.executionId(), "other")).trigger()).isSameAs(first);
	}

	private ExecutionCompleted succeeded(ExecutionRequested trigger, String text) {
		Instant now = this.clock.instant();
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, now, trigger.executionId(),
				trigger.ownerId(), trigger.deploymentId(), 1, ExecutionStatus.SUCCEEDED, Map.of("text", text), null,
				null, now, now, 5, null, "gw-1", null, "runner-1", null, null);
	}

	private ExecutionRequested trigger(String text) {
		return trigger(UUID.randomUUID().toString(), text);
	}

	private ExecutionRequested trigger(String executionId, String text) {
		Instant now = this.clock.instant();
		return new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, now, executionId, "owner-1",
				"dep-1", 1, "key-1", TriggerSource.NATIVE, DeploymentMode.SYNC, Map.of("text", text), "gw-1",
				now.plusSeconds(300), null, null, "key-" + UUID.randomUUID(), null);
	}

}
