package dev.flowgate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The routes a service's controllers map, read from its sources in this repository (the
 * gateway does not depend on the services). Supports the forms the services use:
 * {@code @RequestMapping("/prefix")} on the class, {@code @GetMapping} and friends with
 * no or one literal path on methods; any other form fails, so a new style is noticed.
 */
public final class ServiceControllers {

	private static final Pattern CLASS_PREFIX = Pattern
		.compile("@RequestMapping\\(\"([^\"]*)\"\\)\\s*(?:public\\s+)?(?:final\\s+)?class\\s");

	private static final Pattern METHOD_MAPPING = Pattern
		.compile("@(Get|Post|Put|Patch|Delete)Mapping(\\(\"([^\"]*)\"\\))?(\\()?");

	private ServiceControllers() {
	}

	/** A method and a path template such as {@code /v1/keys/{keyId}}. */
	public record Mapping(String method, String path) {
	}

	public static List<Mapping> of(String module) {
		Path sources = repositoryRoot().resolve(module).resolve("src/main/java");
		List<Mapping> mappings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.map(ServiceControllers::read)
				.filter((source) -> source.contains("@RestController"))
				.forEach((source) -> mappings.addAll(mappings(source)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (mappings.isEmpty()) {
			throw new IllegalStateException("No controller mappings found in " + sources);
		}
		return mappings;
	}

	private static List<Mapping> mappings(String source) {
		Matcher prefix = CLASS_PREFIX.matcher(source);
		String base = prefix.find() ? prefix.group(1) : "";
		List<Mapping> mappings = new ArrayList<>();
		Matcher mapping = METHOD_MAPPING.matcher(source);
		while (mapping.find()) {
			if (mapping.group(4) != null) {
				throw new IllegalStateException("Unsupported mapping syntax: " + mapping.group());
			}
			String path = (mapping.group(3) != null) ? mapping.group(3) : "";
			mappings.add(new Mapping(mapping.group(1).toUpperCase(java.util.Locale.ROOT), base + path));
		}
		return mappings;
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("key-service/src/main/java"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Not inside the Flowgate repository: " + Path.of("").toAbsolutePath());
		}
		return dir;
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
