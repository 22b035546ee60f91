package dev.flowgate.gateway.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes key and deployment states (and tombstones) as key-service and
 * deployment-service do: plain JSON keyed by id, waiting for the acknowledgement.
 */
public final class StatePublisher implements AutoCloseable {

	private final KafkaProducer<String, String> producer;

	public StatePublisher(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
				new StringSerializer());
	}

	public KeyStateChanged key(KeyStates key) {
		KeyStateChanged state = key.build();
		send(Topics.KEYS.name(), state.keyId(), state);
		return state;
	}

	public void deleteKey(String keyId) {
		send(Topics.KEYS.name(), keyId, null);
	}

	public DeploymentStateChanged deployment(DeploymentStates deployment) {
		DeploymentStateChanged state = deployment.build();
		send(Topics.DEPLOYMENTS.name(), state.deploymentId(), state);
		return state;
	}

	public void deleteDeployment(String deploymentId) {
		send(Topics.DEPLOYMENTS.name(), deploymentId, null);
	}

	/** Sends any record, for example one no consumer can read. */
	public void sendRaw(String topic, String key, String value) {
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void send(String topic, String key, FlowgateEvent event) {
		sendRaw(topic, key, (event != null) ? Http.JSON.writeValueAsString(event) : null);
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
