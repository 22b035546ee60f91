package dev.flowgate.infra.local;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceJarTest {

	@TempDir
	Path root;

	@Test
	void findsTheBootJarRatherThanThePlainOne() throws Exception {
		Path target = Files.createDirectories(this.root.resolve("key-service").resolve("target"));
		Files.createFile(target.resolve("key-service-0.1.0-plain.jar"));
		Path boot = Files.createFile(target.resolve("key-service-0.1.0.jar"));

		assertThat(ServiceJar.find(this.root, Service.KEY_SERVICE)).isEqualTo(boot);
	}

	@Test
	void asksForABuildWhenThereIsNoJar() throws Exception {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> ServiceJar.find(this.root, Service.KEY_SERVICE))
			.withMessageContaining("build first");
		Files.createDirectories(this.root.resolve("key-service").resolve("target"));
		assertThatIllegalStateException().isThrownBy(() -> ServiceJar.find(this.root, Service.KEY_SERVICE))
			.withMessageContaining("No jar in")
			.withMessageContaining("build first");
	}

}
