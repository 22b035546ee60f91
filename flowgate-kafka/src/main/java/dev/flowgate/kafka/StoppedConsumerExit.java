package dev.flowgate.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Ends the process when a listener container's consumer stops on its own: after an
 * {@link Error} a listener threw (a {@link StackOverflowError}, say), a fenced producer
 * or a refused authorization. The container would consume nothing more while the service
 * looked alive; ended, it is started again by what runs it (Kubernetes, Compose,
 * {@code ./flowgate}'s supervisor) and reads on from its last committed offsets.
 */
@Configuration(proxyBeanMethods = false)
public class StoppedConsumerExit {

	static final int EXIT_STATUS = 1;

	private static final Logger log = LoggerFactory.getLogger(StoppedConsumerExit.class);

	@Bean
	ApplicationListener<ConsumerStoppedEvent> exitWhenAConsumerStopsOnItsOwn(ConfigurableApplicationContext context) {
		return onStoppedConsumer(() -> exit(context));
	}

	/** Runs {@code exit} once, at the first consumer that stopped for another reason. */
	static ApplicationListener<ConsumerStoppedEvent> onStoppedConsumer(Runnable exit) {
		AtomicBoolean exiting = new AtomicBoolean();
		return (event) -> {
			if (event.getReason() != ConsumerStoppedEvent.Reason.NORMAL && exiting.compareAndSet(false, true)) {
				log.error("A consumer stopped on its own ({}, {}): the service exits to be started again",
						event.getReason(), event.getSource());
				exit.run();
			}
		};
	}

	private static void exit(ConfigurableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
		// Not on the consumer's thread: closing the context waits for its containers.
		Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_STATUS)),
				"stopped-consumer-exit");
		exit.start();
	}

}
