package dev.flowgate.infra.test;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import dev.flowgate.infra.EmbeddedMail;
import dev.flowgate.infra.ReceivedMail;

/**
 * Kafka (with every topic of {@code Topics.all()}), MongoDB and SMTP for the tests of
 * this JVM, started on first use and stopped by a shutdown hook. Kafka and MongoDB come
 * from Testcontainers when Docker is available, otherwise from embedded servers; system
 * property {@value #PROVIDER_PROPERTY} (or env {@code FLOWGATE_INFRA}) = {@code embedded}
 * or {@code testcontainers} overrides the choice. SMTP is always GreenMail in this JVM.
 */
public final class TestInfrastructure {

	public static final String PROVIDER_PROPERTY = "flowgate.infra";

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static TestInfrastructure instance;

	private static RuntimeException failure;

	private final Provider provider;

	private final KafkaAndMongo servers;

	private final EmbeddedMail mail;

	private TestInfrastructure(Provider provider, KafkaAndMongo servers, EmbeddedMail mail) {
		this.provider = provider;
		this.servers = servers;
		this.mail = mail;
	}

	/** The running infrastructure, started by the first call. */
	public static synchronized TestInfrastructure get() {
		if (failure != null) {
			throw new IllegalStateException("The Flowgate test infrastructure failed to start earlier", failure);
		}
		if (instance == null) {
			try {
				instance = start();
			}
			catch (RuntimeException ex) {
				failure = ex;
				throw ex;
			}
		}
		return instance;
	}

	/** For example {@code 127.0.0.1:41234}. */
	public String kafkaBootstrapServers() {
		return this.servers.kafkaBootstrapServers();
	}

	/** For example {@code mongodb://127.0.0.1:41235}, without a database. */
	public String mongoUri() {
		return this.servers.mongoUri();
	}

	public String smtpHost() {
		return this.mail.smtpHost();
	}

	public int smtpPort() {
		return this.mail.smtpPort();
	}

	/**
	 * Every mail the SMTP server received so far (from every test of this JVM), oldest
	 * first.
	 */
	public List<ReceivedMail> receivedMail() {
		return this.mail.received();
	}

	public Provider provider() {
		return this.provider;
	}

	/** Points Spring Boot at these servers. */
	void exportSystemProperties() {
		System.setProperty("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
		System.setProperty("spring.mongodb.uri", mongoUri());
		System.setProperty("spring.mail.host", smtpHost());
		System.setProperty("spring.mail.port", Integer.toString(smtpPort()));
	}

	private static TestInfrastructure start() {
		Provider provider = Provider.choose();
		EmbeddedMail mail = EmbeddedMail.start(0, 0);
		KafkaAndMongo servers;
		try {
			servers = (provider == Provider.TESTCONTAINERS) ? ContainerKafkaAndMongo.start()
					: EmbeddedKafkaAndMongo.start();
		}
		catch (RuntimeException ex) {
			mail.stop();
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mail.stop();
			servers.stop();
		}, "flowgate-test-infrastructure-stop"));
		log.info("Flowgate test infrastructure: {} ({}, GreenMail SMTP {}:{})", provider, servers.description(),
				mail.smtpHost(), mail.smtpPort());
		return new TestInfrastructure(provider, servers, mail);
	}

	/** Where Kafka and MongoDB come from. */
	public enum Provider {

		/** Kafka broker in its own JVM, mongo-java-server in this JVM. */
		EMBEDDED,

		/** Docker containers. */
		TESTCONTAINERS;

		static Provider choose() {
			String configured = System.getProperty(PROVIDER_PROPERTY, System.getenv("FLOWGATE_INFRA"));
			if (configured == null || configured.isBlank()) {
				return DockerClientFactory.instance().isDockerAvailable() ? TESTCONTAINERS : EMBEDDED;
			}
			try {
				return valueOf(configured.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						PROVIDER_PROPERTY + " must be embedded or testcontainers, not '" + configured + "'", ex);
			}
		}

	}

}
