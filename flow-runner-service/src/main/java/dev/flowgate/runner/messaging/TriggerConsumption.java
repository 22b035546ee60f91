package dev.flowgate.runner.messaging;

import java.util.Objects;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Starts, pauses and resumes consuming triggers. */
@Component
class TriggerConsumption {

	private final KafkaListenerEndpointRegistry registry;

	TriggerConsumption(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	void start() {
		container().start();
	}

	void pause() {
		container().pause();
	}

	void resume() {
		container().resume();
	}

	/** Takes effect before the next poll; records already fetched still come. */
	void pausePartition(TopicPartition partition) {
		container().pausePartition(partition);
	}

	void resumePartition(TopicPartition partition) {
		container().resumePartition(partition);
	}

	private MessageListenerContainer container() {
		return Objects.requireNonNull(this.registry.getListenerContainer(TriggerListener.ID), TriggerListener.ID);
	}

}
