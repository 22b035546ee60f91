package dev.flowgate.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

	@TempDir
	Path dir;

	@Test
	void findsTheCauseBuriedUnderLaterOutput() throws IOException {
		Path log = write(Stream.concat(
				Stream.of("INFO starting", "ERROR server - fatal fault",
						"Caused by: java.net.BindException: Address in use"),
				IntStream.range(0, 500).mapToObj((i) -> "\tsetting." + i + " = value")));

		assertThat(LogTail.of(log, 100)).doesNotContain("BindException").endsWith("setting.499 = value");
		assertThat(LogTail.errors(log, 20))
			.isEqualTo("ERROR server - fatal fault\nCaused by: java.net.BindException: Address in use");
	}

	@Test
	void keepsOnlyTheLastErrorLines() throws IOException {
		Path log = write(IntStream.range(0, 30).mapToObj((i) -> "ERROR attempt " + i));

		assertThat(LogTail.errors(log, 2)).isEqualTo("ERROR attempt 28\nERROR attempt 29");
	}

	@Test
	void saysWhenThereIsNoLogFile() {
		assertThat(LogTail.errors(this.dir.resolve("missing.log"), 5)).startsWith("(no log file at ");
	}

	private Path write(Stream<String> lines) throws IOException {
		Path log = this.dir.resolve("process.log");
		Files.write(log, lines.toList());
		return log;
	}

}
