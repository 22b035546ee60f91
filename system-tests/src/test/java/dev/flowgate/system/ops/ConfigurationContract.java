package dev.flowgate.system.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The documented configuration of each service (README "Configuration",
 * docs/operations.md): which environment variables it takes and which of them are
 * secrets. Deployment files may set a variable only if the service reads it or it is
 * documented here; services still adding their placeholders are covered by the second
 * half of that rule until they have.
 */
final class ConfigurationContract {

	static final String GATEWAY = "api-gateway-service";

	static final List<String> SERVICES = List.of(GATEWAY, "key-service", "deployment-service", "flow-runner-service",
			"delivery-service");

	/**
	 * Secrets every deployment must provide (a Kubernetes Secret or .env, never a
	 * literal).
	 */
	static final Map<String, Set<String>> REQUIRED_SECRETS = Map.of(GATEWAY,
			Set.of("FLOWGATE_INTERNAL_TOKEN", "FLOWGATE_ADMIN_SECRET"), "key-service",
			Set.of("FLOWGATE_INTERNAL_TOKEN"), "deployment-service", Set.of("FLOWGATE_INTERNAL_TOKEN"),
			"flow-runner-service", Set.of("FLOWGATE_INTERNAL_TOKEN"), "delivery-service",
			Set.of("FLOWGATE_INTERNAL_TOKEN"));

	/** Variables whose value must never be written into a deployment file. */
	static final Pattern SENSITIVE = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|API_KEY).*");

	private static final Set<String> COMMON = Set.of("FLOWGATE_PORT", "FLOWGATE_KAFKA_BOOTSTRAP",
			"FLOWGATE_INTERNAL_TOKEN", "FLOWGATE_LOG_FORMAT");

	private static final Map<String, Set<String>> OWN = Map.of(GATEWAY,
			Set.of("FLOWGATE_ADMIN_SECRET", "FLOWGATE_PUBLIC_URL", "FLOWGATE_KEY_SERVICE_URL",
					"FLOWGATE_DEPLOYMENT_SERVICE_URL", "FLOWGATE_DELIVERY_SERVICE_URL"),
			"key-service", Set.of("FLOWGATE_MONGODB_URI", "FLOWGATE_DEPLOYMENT_SERVICE_URL"), "deployment-service",
			Set.of("FLOWGATE_MONGODB_URI", "FLOWGATE_PUBLIC_URL"), "flow-runner-service",
			Set.of("FLOWGATE_LLM_BASE_URL", "FLOWGATE_LLM_API_KEY", "FLOWGATE_RUNNER_ALLOWED_CIDRS"),
			"delivery-service", Set.of("FLOWGATE_MONGODB_URI", "FLOWGATE_SMTP_HOST", "FLOWGATE_SMTP_PORT",
					"FLOWGATE_MAIL_FROM", "FLOWGATE_DELIVERY_ALLOWED_CIDRS"));

	/** The variables naming another service, and the service each one names. */
	static final Map<String, String> SERVICE_URLS = Map.of("FLOWGATE_KEY_SERVICE_URL", "key-service",
			"FLOWGATE_DEPLOYMENT_SERVICE_URL", "deployment-service", "FLOWGATE_DELIVERY_SERVICE_URL",
			"delivery-service");

	private ConfigurationContract() {
	}

	static Set<String> documented(String module) {
		Set<String> documented = new TreeSet<>(COMMON);
		documented.addAll(OWN.get(module));
		return documented;
	}

	static boolean documents(String module, String variable) {
		return COMMON.contains(variable) || OWN.get(module).contains(variable);
	}

}
