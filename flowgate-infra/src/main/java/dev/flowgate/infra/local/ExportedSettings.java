package dev.flowgate.infra.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of the local run a user may replace by exporting them before
 * {@code ./flowgate up}: its addresses and allowances, not the stack's own wiring (ports,
 * Kafka, MongoDB, the services' URLs) or secrets, which the stack must agree on with
 * itself. Read by the launcher only, so that a developer's values for these never reach a
 * test stack.
 */
final class ExportedSettings {

	private static final Logger log = LoggerFactory.getLogger(ExportedSettings.class);

	private static final List<String> NAMES = List.of(ServiceEnvironment.PUBLIC_URL, ServiceEnvironment.SMTP_HOST,
			ServiceEnvironment.SMTP_PORT, ServiceEnvironment.DELIVERY_ALLOWED_CIDRS,
			ServiceEnvironment.RUNNER_ALLOWED_CIDRS);

	private static final List<String> SECRET_WORDS = List.of("PASSWORD", "KEY", "SECRET", "TOKEN");

	private ExportedSettings() {
	}

	/**
	 * The values in {@code exported} that replace the local run's defaults, each logged.
	 * An empty value is skipped: more likely left over than meant, and an empty SMTP port
	 * would stop delivery-service from starting.
	 */
	static Map<String, String> pick(Map<String, String> exported) {
		Map<String, String> picked = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = exported.get(name);
			if (value != null && !value.isBlank()) {
				picked.put(name, value);
				log.info("{} from your environment replaces the local run's default", shown(name, value));
			}
		}
		return picked;
	}

	/** {@code NAME=value}, or only the name when it sounds like a secret. */
	static String shown(String name, String value) {
		String upper = name.toUpperCase(Locale.ROOT);
		boolean secret = SECRET_WORDS.stream().anyMatch(upper::contains);
		return secret ? name + " (value not shown)" : name + "=" + value;
	}

}
