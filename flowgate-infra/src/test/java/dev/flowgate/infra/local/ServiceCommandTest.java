package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCommandTest {

	private static final Path ROOT = Path.of("/repo");

	private static final List<String> LAUNCH = List.of("-jar", "service.jar");

	@Test
	void compilesWithC2InTheLocalRunAndTheBenchmarkButNotInShortTestRuns() {
		StackOptions local = StackOptions.local(ROOT, ROOT.resolve("run"));
		StackOptions benchmark = StackOptions.forBenchmark(ROOT, ROOT.resolve("bench"), StackPorts.defaults());
		StackOptions tests = StackOptions.forTests(ROOT, ROOT.resolve("test"), StackPorts.defaults());

		assertThat(ServiceCommand.of(local, LAUNCH)).doesNotContain(ServiceCommand.QUICK_COMPILER_ONLY);
		assertThat(ServiceCommand.of(benchmark, LAUNCH)).doesNotContain(ServiceCommand.QUICK_COMPILER_ONLY);
		assertThat(ServiceCommand.of(tests, LAUNCH)).contains(ServiceCommand.QUICK_COMPILER_ONLY);
	}

}
