package dev.flowgate.system.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own configuration ({@code src/main/resources/application*.yml}) says,
 * read at test time: its port default, the environment variables it reads (the
 * {@code ${VAR:default}} placeholders) and its MongoDB database.
 */
record ServiceSettings(String module, int defaultPort, Map<String, Optional<String>> variables,
		Optional<String> mongoDatabase) {

	/**
	 * An environment variable placeholder; lower-case ones are Spring property
	 * references.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private static final String CLASSPATH = "classpath:";

	private static final Pattern PORT = Pattern.compile("\\$\\{FLOWGATE_PORT:(\\d+)}|(\\d+)");

	static ServiceSettings of(Path root, String module) {
		Path resources = root.resolve(module).resolve("src/main/resources");
		Manifest application = new Manifest(YamlDocuments.readMap(resources.resolve("application.yml")));
		Map<String, Optional<String>> variables = new LinkedHashMap<>();
		List<Path> files = Stream.concat(configurationFiles(resources).stream(), imported(root, application).stream())
			.toList();
		for (Path file : files) {
			Matcher matcher = PLACEHOLDER.matcher(read(file));
			while (matcher.find()) {
				variables.merge(matcher.group(1), Optional.ofNullable(matcher.group(2)),
						(first, second) -> first.isPresent() ? first : second);
			}
		}
		Matcher port = PORT.matcher(String.valueOf(application.string("server.port")));
		if (!port.matches()) {
			throw new IllegalStateException(
					module + ": server.port is not ${FLOWGATE_PORT:<n>} but " + application.string("server.port"));
		}
		int defaultPort = Integer.parseInt((port.group(1) != null) ? port.group(1) : port.group(2));
		return new ServiceSettings(module, defaultPort, variables,
				Optional.ofNullable(application.string("spring.mongodb.database")));
	}

	/** The port the service listens on when the given environment is set. */
	int port(Map<String, String> environment) {
		String port = environment.get("FLOWGATE_PORT");
		return (port != null && !port.startsWith("$")) ? Integer.parseInt(port) : this.defaultPort;
	}

	/**
	 * The port of health and metrics: {@code FLOWGATE_MANAGEMENT_PORT} where the service
	 * reads it and it is set, else the server's.
	 */
	int managementPort(Map<String, String> environment) {
		String port = environment.get("FLOWGATE_MANAGEMENT_PORT");
		return (reads("FLOWGATE_MANAGEMENT_PORT") && port != null && !port.isBlank() && !port.startsWith("$"))
				? Integer.parseInt(port) : port(environment);
	}

	boolean reads(String variable) {
		return this.variables.containsKey(variable);
	}

	/**
	 * Variables a container must set: no default, or a default that only works outside a
	 * container (127.0.0.1, localhost).
	 */
	List<String> requiredInContainers() {
		return this.variables.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isEmpty() || entry.getValue().get().contains("127.0.0.1")
					|| entry.getValue().get().contains("localhost"))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The files its {@code spring.config.import} names on the class path, found in the
	 * modules beside it (flowgate-kafka's Kafka client settings): read as its own.
	 */
	private static List<Path> imported(Path root, Manifest application) {
		String imports = application.string("spring.config.import");
		if (imports == null) {
			return List.of();
		}
		return Arrays.stream(imports.split(","))
			.map(String::strip)
			.filter((location) -> location.startsWith(CLASSPATH))
			.map((location) -> moduleResource(root, location.substring(CLASSPATH.length())))
			.toList();
	}

	private static Path moduleResource(Path root, String resource) {
		try (Stream<Path> modules = Files.list(root)) {
			return modules.map((module) -> module.resolve("src/main/resources").resolve(resource))
				.filter(Files::isRegularFile)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No module has the imported " + resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> configurationFiles(Path resources) {
		try (Stream<Path> files = Files.list(resources)) {
			return files
				.filter((file) -> file.getFileName().toString().matches("application.*\\.(yml|yaml|properties)"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
