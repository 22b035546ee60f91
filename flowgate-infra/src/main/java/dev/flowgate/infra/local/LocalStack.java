package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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

	private static final String LOOPBACK_RANGES = "127.0.0.0/8,::1/128";

	private final StackOptions options;

	private final LocalEnv env;

	private final KafkaBroker kafka;

	private final EmbeddedMongo mongo;

	private final EmbeddedMail mail;

	private final ServiceFleet fleet;

	private OwnerBootstrap.Credentials credentials;

	private LocalStack(StackOptions options) {
		this.options = options;
		this.env = LocalEnv.load(options.runDir().resolve("local.env"));
		StackPorts ports = options.ports();
		this.kafka = KafkaBroker.builder(options.data().resolve("kafka"))
			.port(ports.kafka())
			.controllerPort(ports.kafkaController())
			.logFile(options.logs().resolve("kafka.log"))
			.topics(Topics.all())
			.build();
		this.mongo = options.persistent() ? EmbeddedMongo.file(options.data().resolve("mongo.mv"), ports.mongo())
				: EmbeddedMongo.inMemory(ports.mongo());
		this.mail = EmbeddedMail.start(ports.smtp(), ports.mailApi());
		this.fleet = new ServiceFleet(options, this::serviceEnvironment);
	}

	/**
	 * Starts everything and waits until every service is ready; stops what started if
	 * that fails.
	 */
	public static LocalStack start(StackOptions options) {
		long started = System.nanoTime();
		LocalStack stack = new LocalStack(options);
		try {
			stack.kafka.start();
			stack.fleet.startAll();
			stack.fleet.awaitReady();
			stack.credentials = new OwnerBootstrap(stack.gatewayUrl(), stack.adminSecret())
				.credentials(stack.env.get(LocalEnv.OWNER_ID), stack.env.get(LocalEnv.API_KEY));
			stack.env.set(LocalEnv.URL, stack.gatewayUrl())
				.set(LocalEnv.OWNER_ID, stack.credentials.ownerId())
				.set(LocalEnv.API_KEY, stack.credentials.apiKey())
				.save();
			log.info("Flowgate ready at {} in {} s", stack.gatewayUrl(), seconds(started));
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	public static void main(String[] args) throws InterruptedException {
		StackCommand command = StackCommand.parse(args);
		long started = System.nanoTime();
		StackOptions options = StackOptions.local(command.root(), command.runDir());
		try {
			options.ports().requireFree();
		}
		catch (PortsInUseException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
		LocalStack stack = start(options);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.close();
			stopped.countDown();
		}, "flowgate-shutdown"));
		command.writePid();
		System.out.println(stack.summary(seconds(started)));
		command.markReady();
		stack.fleet.watch();
		stopped.await();
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

	@Override
	public synchronized void close() {
		this.fleet.stopAll();
		this.kafka.stop();
		this.mongo.stop();
		this.mail.stop();
	}

	private Map<String, String> serviceEnvironment(int port) {
		StackPorts ports = this.options.ports();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("FLOWGATE_PORT", Integer.toString(port));
		env.put("FLOWGATE_KAFKA_BOOTSTRAP", this.kafka.bootstrapServers());
		env.put("FLOWGATE_MONGODB_URI", this.mongo.uri());
		env.put("FLOWGATE_INTERNAL_TOKEN", this.env.get(LocalEnv.INTERNAL_TOKEN));
		env.put("FLOWGATE_ADMIN_SECRET", adminSecret());
		env.put(LocalEnv.WEBHOOK_ENCRYPTION_KEYS, this.env.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS));
		env.put("FLOWGATE_PUBLIC_URL", gatewayUrl());
		env.put("FLOWGATE_KEY_SERVICE_URL", LOCALHOST + ports.keyService());
		env.put("FLOWGATE_DEPLOYMENT_SERVICE_URL", LOCALHOST + ports.deploymentService());
		env.put("FLOWGATE_DELIVERY_SERVICE_URL", LOCALHOST + ports.delivery());
		env.put("FLOWGATE_SMTP_HOST", "127.0.0.1");
		env.put("FLOWGATE_SMTP_PORT", Integer.toString(ports.smtp()));
		// Local callbacks go to receivers on this machine; production refuses loopback.
		env.put("FLOWGATE_DELIVERY_ALLOWED_CIDRS", LOOPBACK_RANGES);
		// Flows of the local run may call APIs on this machine; production refuses them.
		env.put("FLOWGATE_RUNNER_ALLOWED_CIDRS", LOOPBACK_RANGES);
		env.putAll(this.options.serviceEnv());
		return env;
	}

	private String summary(long seconds) {
		return """

				Flowgate is up (ready in %d s).
				  Gateway:      %s
				  API key:      %s   (owner %s, scopes run+manage)
				  Admin secret: in run/local.env
				  Mail:         %s
				  Logs:         %s
				Scripts: . run/local.env   Stop: Ctrl-C or ./flowgate down
				""".formatted(seconds, gatewayUrl(), apiKey(), ownerId(), mailApiUrl(), this.options.logs());
	}

	private static long seconds(long startedNanos) {
		return Math.round((System.nanoTime() - startedNanos) / 1e9);
	}

}
