package dev.flowgate.infra.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment of every service process of a local stack: where Kafka, MongoDB, SMTP
 * and the other services are, the stack's secrets, and the local run's allowances.
 */
final class ServiceEnvironment {

	static final String PUBLIC_URL = "FLOWGATE_PUBLIC_URL";

	static final String SMTP_HOST = "FLOWGATE_SMTP_HOST";

	static final String SMTP_PORT = "FLOWGATE_SMTP_PORT";

	static final String DELIVERY_ALLOWED_CIDRS = "FLOWGATE_DELIVERY_ALLOWED_CIDRS";

	static final String RUNNER_ALLOWED_CIDRS = "FLOWGATE_RUNNER_ALLOWED_CIDRS";

	private static final String LOCALHOST = "http://127.0.0.1:";

	private static final String LOOPBACK_RANGES = "127.0.0.0/8,::1/128";

	private final StackOptions options;

	private final LocalEnv env;

	private final Supplier<String> kafkaBootstrapServers;

	private final Supplier<String> mongoUri;

	/**
	 * @param kafkaBootstrapServers asked at each service start: Kafka's port is known
	 * only once it runs
	 */
	ServiceEnvironment(StackOptions options, LocalEnv env, Supplier<String> kafkaBootstrapServers,
			Supplier<String> mongoUri) {
		this.options = options;
		this.env = env;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.mongoUri = mongoUri;
	}

	/** The environment of a service process listening on {@code port}. */
	Map<String, String> forPort(int port) {
		StackPorts ports = this.options.ports();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("FLOWGATE_PORT", Integer.toString(port));
		env.put("FLOWGATE_KAFKA_BOOTSTRAP", this.kafkaBootstrapServers.get());
		env.put("FLOWGATE_MONGODB_URI", this.mongoUri.get());
		env.put("FLOWGATE_INTERNAL_TOKEN", this.env.get(LocalEnv.INTERNAL_TOKEN));
		env.put("FLOWGATE_ADMIN_SECRET", this.env.get(LocalEnv.ADMIN_SECRET));
		env.put(LocalEnv.WEBHOOK_ENCRYPTION_KEYS, this.env.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS));
		env.put(PUBLIC_URL, LOCALHOST + ports.gateway());
		env.put("FLOWGATE_KEY_SERVICE_URL", LOCALHOST + ports.keyService());
		env.put("FLOWGATE_DEPLOYMENT_SERVICE_URL", LOCALHOST + ports.deploymentService());
		env.put("FLOWGATE_DELIVERY_SERVICE_URL", LOCALHOST + ports.delivery());
		env.put(SMTP_HOST, "127.0.0.1");
		env.put(SMTP_PORT, Integer.toString(ports.smtp()));
		// Local callbacks go to receivers on this machine; production refuses loopback.
		env.put(DELIVERY_ALLOWED_CIDRS, LOOPBACK_RANGES);
		// Flows of the local run may call APIs on this machine; production refuses them.
		env.put(RUNNER_ALLOWED_CIDRS, LOOPBACK_RANGES);
		// Last: the tests' settings, or in the local run those the user exported
		// (ExportedSettings); the other variables of the launcher's environment reach the
		// services as they are.
		env.putAll(this.options.serviceEnv());
		return env;
	}

}
