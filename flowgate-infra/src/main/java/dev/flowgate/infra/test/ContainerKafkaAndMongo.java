package dev.flowgate.infra.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.KafkaTopics;

/** Kafka and MongoDB in Docker containers (Testcontainers). */
final class ContainerKafkaAndMongo implements KafkaAndMongo {

	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	static final String MONGO_IMAGE = "mongo:7";

	private final KafkaContainer kafka;

	private final MongoDBContainer mongo;

	private ContainerKafkaAndMongo(KafkaContainer kafka, MongoDBContainer mongo) {
		this.kafka = kafka;
		this.mongo = mongo;
	}

	@SuppressWarnings("resource") // stopped by stop(), from the JVM shutdown hook
	static ContainerKafkaAndMongo start() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		kafka.start();
		mongo.start();
		KafkaTopics.declare(kafka.getBootstrapServers(), Topics.all());
		return new ContainerKafkaAndMongo(kafka, mongo);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public String description() {
		return "Kafka " + KAFKA_IMAGE + " at " + kafkaBootstrapServers() + ", MongoDB " + MONGO_IMAGE + " at "
				+ mongoUri();
	}

	@Override
	public void stop() {
		this.kafka.stop();
		this.mongo.stop();
	}

}
