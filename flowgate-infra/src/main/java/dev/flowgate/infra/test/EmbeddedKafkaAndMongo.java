package dev.flowgate.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;

import dev.flowgate.infra.EmbeddedMongo;
import dev.flowgate.infra.KafkaBroker;

/**
 * The broker in its own JVM (data in a temp dir deleted at stop) and an in-memory
 * MongoDB.
 */
final class EmbeddedKafkaAndMongo implements KafkaAndMongo {

	private final Path dataDir;

	private final EmbeddedMongo mongo;

	private final KafkaBroker broker;

	private EmbeddedKafkaAndMongo(Path dataDir, EmbeddedMongo mongo, KafkaBroker broker) {
		this.dataDir = dataDir;
		this.mongo = mongo;
		this.broker = broker;
	}

	static EmbeddedKafkaAndMongo start() {
		Path dataDir = createTempDir();
		EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
		try {
			return new EmbeddedKafkaAndMongo(dataDir, mongo,
					KafkaBroker.builder(dataDir).stopWithParent(true).build().start());
		}
		catch (RuntimeException ex) {
			mongo.stop();
			deleteRecursively(dataDir);
			throw ex;
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.broker.bootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.uri();
	}

	@Override
	public String description() {
		return "Kafka " + AppInfoParser.getVersion() + " KRaft broker in its own JVM at " + kafkaBootstrapServers()
				+ " (pid " + this.broker.pid() + ", log " + this.broker.logFile() + "), MongoDB wire server "
				+ "mongo-java-server " + this.mongo.description() + " at " + mongoUri();
	}

	@Override
	public void stop() {
		this.mongo.stop();
		this.broker.stop();
		deleteRecursively(this.dataDir);
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("flowgate-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
