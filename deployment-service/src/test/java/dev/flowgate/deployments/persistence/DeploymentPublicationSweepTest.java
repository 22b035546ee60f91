package dev.flowgate.deployments.persistence;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.flowgate.deployments.config.PublicationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentPublicationSweepTest {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(7);

	@Test
	void sweepsFirstOneIntervalAfterStartThenEveryInterval() {
		PublicationProperties properties = new PublicationProperties(Duration.ofSeconds(5), Duration.ofSeconds(60),
				Duration.ofSeconds(5), SWEEP_INTERVAL);
		ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();

		// No store: scheduling the sweep does not run it.
		new DeploymentPublicationSweep(null, properties).configureTasks(tasks);

		assertThat(tasks.getFixedDelayTaskList()).singleElement().satisfies((task) -> {
			assertThat(task.getIntervalDuration()).isEqualTo(SWEEP_INTERVAL);
			assertThat(task.getInitialDelayDuration()).isEqualTo(SWEEP_INTERVAL);
		});
	}

}
