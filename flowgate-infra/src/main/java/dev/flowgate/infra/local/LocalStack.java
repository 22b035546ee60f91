package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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

	private static final String LOOPBACK_RANGES = "127.0.0.0/8,::1/128";

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

	private LocalStack(StackOptions options) {
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
		this.fleet = new ServiceFleet(options, this::serviceEnvironment, this.stopping::get);
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
		StackCommand command = StackCommand.parse(args);
		long started = System.nanoTime();
		StackOptions options = StackOptions.local(command.root(), command.runDir());
		LauncherFiles files = new LauncherFiles(command.runDir());
		files.writePid();
		try {
			options.ports().requireFree();
		}
		catch (PortsInUseException ex) {
			System.err.println(ex.getMessage());
			files.remove();
			System.exit(1);
		}
		LocalStack stack = new LocalStack(options);
		AtomicBoolean shuttingDown = new AtomicBoolean();
		CountDownLatch stopped = new CountDownLatch(1);
		// Before the start, so that a stop during it (Ctrl-C, ./flowgate down) stops what
		// has started instead of leaving it behind.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			shuttingDown.set(true);
			System.out.println("Stopping Flowgate...");
			stack.close();
			files.remove();
			System.out.println("Flowgate stopped.");
			stopped.countDown();
		}, "flowgate-shutdown"));
		try {
			stack.startAll();
		}
		catch (RuntimeException ex) {
			if (!shuttingDown.get()) {
				throw ex; // the shutdown hook stops what started
			}
			// Stopped while starting: the failure is the stop itself, not worth a trace.
			stopped.await();
			return;
		}
		if (!shuttingDown.get()) {
			System.out.println(stack.summary(seconds(started), command.detached()));
		}
		files.markReady();
		stack.fleet.watch();
		stopped.await();
	}

	/** Starts Kafka and the services and waits until every service is ready. */
	private void startAll() {
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

	private String summary(long seconds, boolean detached) {
		return """

				Flowgate is up (ready in %d s).
				  Gateway:      %s
				  API key:      %s   (owner %s, scopes run+manage)
				  Admin secret: in run/local.env
				  Mail:         %s
				  Logs:         %s
				Scripts: . run/local.env   Stop: %s
				""".formatted(seconds, gatewayUrl(), apiKey(), ownerId(), mailApiUrl(), this.options.logs(),
				detached ? "./flowgate down" : "Ctrl-C or ./flowgate down");
	}

	private static long seconds(long startedNanos) {
		return Math.round((System.nanoTime() - startedNanos) / 1e9);
	}

}
