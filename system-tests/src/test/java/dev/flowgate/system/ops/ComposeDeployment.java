package dev.flowgate.system.ops;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * docker-compose.yml as written (anchors and merge keys resolved, .env not interpolated).
 */
final class ComposeDeployment {

	private final Manifest services;

	private ComposeDeployment(Manifest file) {
		this.services = file.map("services");
	}

	static ComposeDeployment read(Path root) {
		return new ComposeDeployment(new Manifest(YamlDocuments.readMap(root.resolve("docker-compose.yml"))));
	}

	Manifest service(String name) {
		Manifest service = this.services.map(name);
		if (service.isEmpty()) {
			throw new AssertionError("docker-compose.yml has no service " + name);
		}
		return service;
	}

	/**
	 * {@code ${VAR...}} values come from .env at run time; anything else is written in
	 * the file.
	 */
	Map<String, EnvValue> environment(String name) {
		Map<String, String> raw = new LinkedHashMap<>();
		Object environment = service(name).find("environment").orElse(Map.of());
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> raw.put(key.toString(), Objects.toString(value, "")));
		}
		else {
			for (Object entry : (List<?>) environment) {
				String[] pair = entry.toString().split("=", 2);
				raw.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		Map<String, EnvValue> values = new LinkedHashMap<>();
		raw.forEach((key, value) -> values.put(key,
				value.startsWith("${") ? EnvValue.reference(".env " + value) : EnvValue.literal(value)));
		return values;
	}

	/** The URL the health check asks (the last http:// argument of its command). */
	URI healthCheckUrl(String name) {
		return service(name).strings("healthcheck.test")
			.stream()
			.filter((argument) -> argument.startsWith("http://"))
			.reduce((first, second) -> second)
			.map(URI::create)
			.orElseThrow(() -> new AssertionError("docker-compose.yml: " + name + " has no HTTP health check"));
	}

	/** Host name and port to the module listening there on the compose network. */
	Map<String, Map<Integer, String>> routes(Map<String, ServiceSettings> settings) {
		Map<String, Map<Integer, String>> routes = new LinkedHashMap<>();
		for (String module : ConfigurationContract.SERVICES) {
			int port = settings.get(module).port(literals(module));
			routes.put(module, Map.of(port, module));
		}
		return routes;
	}

	Map<String, String> literals(String name) {
		Map<String, String> literals = new LinkedHashMap<>();
		environment(name).forEach((key, value) -> {
			if (value.isLiteral()) {
				literals.put(key, value.literal());
			}
		});
		return literals;
	}

	@Override
	public String toString() {
		return "docker-compose.yml";
	}

}
