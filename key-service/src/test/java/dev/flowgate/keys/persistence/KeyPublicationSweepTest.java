package dev.flowgate.keys.persistence;

import java.time.Duration;

import dev.flowgate.keys.config.FlowgateProperties;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPublicationSweepTest {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(7);

	@Test
	void sweepsFirstOneIntervalAfterStartThenEveryInterval() {
		FlowgateProperties properties = new FlowgateProperties(new FlowgateProperties.Outbox(Duration.ofMillis(500),
				SWEEP_INTERVAL, Duration.ofSeconds(5), Duration.ofSeconds(60), 100, false), null, null, null);
		ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();

		// No store: scheduling the sweep does not run it.
		new KeyPublicationSweep(null, properties).configureTasks(tasks);

		assertThat(tasks.getFixedDelayTaskList()).singleElement().satisfies((task) -> {
			assertThat(task.getIntervalDuration()).isEqualTo(SWEEP_INTERVAL);
			assertThat(task.getInitialDelayDuration()).isEqualTo(SWEEP_INTERVAL);
		});
	}

}
