package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a {@link FakeServiceMain} jar where a service's boot jar would be. */
final class FakeServiceJar {

	private static final String CLASS_FILE = FakeServiceMain.class.getName().replace('.', '/') + ".class";

	private FakeServiceJar() {
	}

	/** {@code root/<module>/target/<module>-0.1.0.jar}. */
	static Path write(Path root, Service service) {
		Path jar = root.resolve(service.module()).resolve("target").resolve(service.module() + "-0.1.0.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceMain.class.getName());
		try {
			Files.createDirectories(jar.getParent());
			try (OutputStream file = Files.newOutputStream(jar);
					JarOutputStream out = new JarOutputStream(file, manifest);
					InputStream in = FakeServiceJar.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
				out.putNextEntry(new JarEntry(CLASS_FILE));
				in.transferTo(out);
				out.closeEntry();
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
