package dev.flowgate.system.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the root pom's "images" profile builds: deploy/images/*.properties and the image
 * names.
 */
final class ImageSettings {

	private static final Pattern PROJECT_VERSION = Pattern
		.compile("<artifactId>flowgate</artifactId>\\s*<version>([^<]+)</version>");

	private ImageSettings() {
	}

	/**
	 * The image the profile tags for a module:
	 * {@code flowgate/<module>:<project version>}.
	 */
	static String imageName(Path root, String module) {
		Matcher version = PROJECT_VERSION.matcher(read(root.resolve("pom.xml")));
		if (!version.find()) {
			throw new IllegalStateException("no project version in the root pom.xml");
		}
		return "flowgate/" + module + ":" + version.group(1);
	}

	/** The module's settings over the defaults, as the profile reads them. */
	static Properties of(Path root, String module) {
		Properties properties = new Properties();
		load(properties, root.resolve("deploy/images/defaults.properties"));
		Path own = root.resolve("deploy/images/" + module + ".properties");
		if (Files.exists(own)) {
			load(properties, own);
		}
		return properties;
	}

	private static void load(Properties properties, Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
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
