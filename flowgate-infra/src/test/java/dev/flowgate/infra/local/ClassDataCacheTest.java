package dev.flowgate.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataCacheTest {

	private static final String WRITE = "-XX:ArchiveClassesAtExit=";

	private static final String USE = "-XX:SharedArchiveFile=";

	private static final String NAME = "key-service";

	@TempDir
	Path dir;

	@Test
	void doesNotUseAnArchiveWhoseJvmWasKilledWhileWritingIt() throws Exception {
		Path jar = FakeServiceJar.write(this.dir, Service.KEY_SERVICE);
		ClassDataCache cache = new ClassDataCache(this.dir.resolve("cds"));
		Path archive = Path.of(option(cache.launch(NAME, jar), WRITE));
		// What a JVM killed half-way through writing leaves.
		Files.write(archive, new byte[] { 1, 2, 3 });

		assertThat(cache.launch(NAME, jar)).anyMatch((arg) -> arg.startsWith(WRITE))
			.noneMatch((arg) -> arg.startsWith(USE));
	}

	@Test
	void usesTheArchiveOfAJvmThatExitedCleanly() {
		Path jar = FakeServiceJar.write(this.dir, Service.KEY_SERVICE);
		ClassDataCache cache = new ClassDataCache(this.dir.resolve("cds"));
		List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable()));
		command.addAll(cache.launch(NAME, jar));
		ManagedProcess jvm = ManagedProcess.start(
				NAME, command, Map.of("FLOWGATE_PORT", Integer.toString(StackPorts.freePort()),
						FakeServiceMain.EXIT_AFTER_MS, "0", FakeServiceMain.EXIT_CODE, "0"),
				this.dir.resolve("jvm.log"));
		assertThat(jvm.awaitExit(Duration.ofSeconds(60))).isZero();

		cache.keepArchive(NAME);

		assertThat(cache.writesArchive(NAME)).isFalse();
		assertThat(Path.of(option(cache.launch(NAME, jar), USE))).isNotEmptyFile();
	}

	private static String option(List<String> launch, String prefix) {
		return launch.stream()
			.filter((arg) -> arg.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + prefix + " in " + launch))
			.substring(prefix.length());
	}

}
