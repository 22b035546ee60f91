package dev.flowgate.system.ops;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every deployment file's environment follows, whatever the format: only
 * variables the service reads (or documents), every variable it needs, secrets never
 * written in the file, and the gateway's service URLs pointing at the services that serve
 * them.
 */
final class EnvironmentRules {

	/** Set by the container runtime itself (the pod or container name). */
	private static final Set<String> PROVIDED_BY_RUNTIME = Set.of("HOSTNAME");

	private EnvironmentRules() {
	}

	/** Returns the problems found, each naming the deployment file and the service. */
	static List<String> check(Object target, ServiceSettings settings, Map<String, EnvValue> environment,
			Map<String, Map<Integer, String>> routes) {
		String module = settings.module();
		String where = target + ", " + module + ": ";
		List<String> problems = new ArrayList<>();
		environment.forEach((variable, value) -> {
			if (!settings.reads(variable) && !ConfigurationContract.documents(module, variable)) {
				problems.add(where + "sets " + variable + ", which " + module
						+ " neither reads (src/main/resources/application*.yml) nor documents");
			}
			if (ConfigurationContract.SENSITIVE.matcher(variable).matches() && value.isLiteral()) {
				problems.add(where + variable + " is written in the file; take it from a secret");
			}
		});
		Set<String> required = new LinkedHashSet<>(settings.requiredInContainers());
		required.addAll(ConfigurationContract.REQUIRED_SECRETS.get(module));
		required.removeAll(PROVIDED_BY_RUNTIME);
		for (String variable : required) {
			if (!environment.containsKey(variable)) {
				problems.add(where + "does not set " + variable
						+ " (no default, or a default that only works outside a container)");
			}
		}
		ConfigurationContract.SERVICE_URLS.forEach((variable, service) -> {
			EnvValue value = environment.get(variable);
			if (value != null && value.isLiteral()) {
				URI url = URI.create(value.literal());
				String reached = routes.getOrDefault(url.getHost(), Map.of()).get(url.getPort());
				if (!service.equals(reached)) {
					problems.add(where + variable + "=" + url + " reaches " + ((reached != null) ? reached : "nothing")
							+ ", not " + service);
				}
			}
		});
		return problems;
	}

}
