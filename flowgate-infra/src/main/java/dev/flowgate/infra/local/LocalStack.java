package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.EmbeddedMail;
import dev.flowgate.infra.EmbeddedMongo;
import dev.flowgate.infra.KafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flowgate on the embedded default: a real Kafka broker in its own JVM, the MongoDB wire
 * server and GreenMail in this JVM, and the five services as separate processes. Used by
 * {@code ./flowgate up} and, the same way, by the system tests.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private static final String LOCALHOST = "http://127.0.0.1:";

	private final StackOptions options;

	private final LocalEnv env;

	private final KafkaBroker kafka;

	private final EmbeddedMongo mongo;

	private final EmbeddedMail mail;

	private final ServiceFleet fleet;

	// Set when the stack starts to stop: processes exiting from then on are no error.
	private final AtomicBoolean stopping = new AtomicBoolean();

	private boolean closed;

	private OwnerBootstrap.Credentials credentials;

	LocalStack(StackOptions options) {
		this.options = options;
		this.env = LocalEnv.load(options.runDir().resolve("local.env"));
		StackPorts ports = options.ports();
		// Bound to this JVM like the services: nothing outlives a killed launcher.
		this.kafka = KafkaBroker.builder(options.data().resolve("kafka"))
			.port(ports.kafka())
			.controllerPort(ports.kafkaController())
			.logFile(options.logs().resolve("kafka.log"))
			.pidFile(options.pids().resolve("kafka.pid"))
			.stopWithParent(true)
			.exitExpectedWhile(this.stopping::get)
			.topics(Topics.all())
			.build();
		this.mongo = options.persistent() ? EmbeddedMongo.file(options.data().resolve("mongo.mv"), ports.mongo())
				: EmbeddedMongo.inMemory(ports.mongo());
		this.mail = EmbeddedMail.start(ports.smtp(), ports.mailApi());
		ServiceEnvironment serviceEnv = new ServiceEnvironment(options, this.env, this.kafka::bootstrapServers,
				this.mongo::uri);
		this.fleet = new ServiceFleet(options, serviceEnv::forPort, this.stopping::get);
	}

	/**
	 * Starts everything and waits until every service is ready; stops what started if
	 * that fails.
	 */
	public static LocalStack start(StackOptions options) {
		LocalStack stack = new LocalStack(options);
		try {
			stack.startAll();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	public static void main(String[] args) throws InterruptedException {
		new StackLauncher(StackCommand.parse(args)).run();
	}

	/** Starts Kafka and the services and waits until every service is ready. */
	void startAll() {
		long started = System.nanoTime();
		this.kafka.start();
		this.fleet.startAll();
		this.fleet.awaitReady();
		this.credentials = new OwnerBootstrap(gatewayUrl(), adminSecret()).credentials(this.env.get(LocalEnv.OWNER_ID),
				this.env.get(LocalEnv.API_KEY));
		this.env.set(LocalEnv.URL, gatewayUrl())
			.set(LocalEnv.OWNER_ID, this.credentials.ownerId())
			.set(LocalEnv.API_KEY, this.credentials.apiKey())
			.save();
		log.info("Flowgate ready at {} in {} s", gatewayUrl(), seconds(started));
	}

	public String gatewayUrl() {
		return LOCALHOST + this.options.ports().gateway();
	}

	public String apiKey() {
		return this.credentials.apiKey();
	}

	public String ownerId() {
		return this.credentials.ownerId();
	}

	public String adminSecret() {
		return this.env.get(LocalEnv.ADMIN_SECRET);
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	public String mongoUri() {
		return this.mongo.uri();
	}

	public String mailApiUrl() {
		return LOCALHOST + this.options.ports().mailApi() + "/messages";
	}

	public EmbeddedMongo mongo() {
		return this.mongo;
	}

	public KafkaBroker kafka() {
		return this.kafka;
	}

	public EmbeddedMail mail() {
		return this.mail;
	}

	/** The running service processes, to restart, kill or add replicas in tests. */
	public ServiceFleet services() {
		return this.fleet;
	}

	public Path runDir() {
		return this.options.runDir();
	}

	/**
	 * Stops the services (the gateway first), then Kafka, MongoDB and mail; also while
	 * the stack is still starting, which then fails.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.stopping.set(true);
		this.fleet.stopAll();
		this.kafka.close();
		this.mongo.stop();
		this.mail.stop();
	}

	static long seconds(long startedNanos) {
		return Math.round((System.nanoTime() - startedNanos) / 1e9);
	}

}
