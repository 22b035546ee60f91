package dev.flowgate.infra.test;

/** A running Kafka broker and MongoDB server, from one provider. */
interface KafkaAndMongo {

	String kafkaBootstrapServers();

	String mongoUri();

	/** What runs where, for the one log line that names the provider. */
	String description();

	void stop();

}
