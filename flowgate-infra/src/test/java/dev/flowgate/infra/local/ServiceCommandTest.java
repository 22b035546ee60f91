package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCommandTest {

	private static final Path ROOT = Path.of("/repo");

	private static final List<String> LAUNCH = List.of("-jar", "service.jar");

	@Test
	void startsTheServicesOffTheRequestPathAtALowerPriority() {
		StackOptions local = StackOptions.local(ROOT, ROOT.resolve("run"));

		for (Service service : List.of(Service.KEY_SERVICE, Service.DEPLOYMENT_SERVICE, Service.DELIVERY_SERVICE)) {
			assertThat(ServiceCommand.of(service, local, LAUNCH, true)).startsWith("nice", "-n", "10");
		}
		assertThat(ServiceCommand.of(Service.API_GATEWAY, local, LAUNCH, true)).doesNotContain("nice")
			.first()
			.asString()
			.endsWith("java");
	}

	@Test
	void startsTheRunnerBehindTheGatewayButAheadOfTheServicesOffTheRequestPath() {
		StackOptions local = StackOptions.local(ROOT, ROOT.resolve("run"));

		assertThat(ServiceCommand.of(Service.FLOW_RUNNER, local, LAUNCH, true)).startsWith("nice", "-n", "5");
	}

	@Test
	void startsEveryServiceAtNormalPriorityWhereThePlatformCannotLowerIt() {
		StackOptions local = StackOptions.local(ROOT, ROOT.resolve("run"));

		assertThat(ServiceCommand.of(Service.DEPLOYMENT_SERVICE, local, LAUNCH, false)).doesNotContain("nice")
			.endsWith("-jar", "service.jar");
	}

	@Test
	void compilesWithC2InTheLocalRunAndTheBenchmarkButNotInShortTestRuns() {
		StackOptions local = StackOptions.local(ROOT, ROOT.resolve("run"));
		StackOptions benchmark = StackOptions.forBenchmark(ROOT, ROOT.resolve("bench"), StackPorts.defaults());
		StackOptions tests = StackOptions.forTests(ROOT, ROOT.resolve("test"), StackPorts.defaults());

		assertThat(ServiceCommand.of(Service.API_GATEWAY, local, LAUNCH, true))
			.doesNotContain(ServiceCommand.QUICK_COMPILER_ONLY);
		assertThat(ServiceCommand.of(Service.API_GATEWAY, benchmark, LAUNCH, true))
			.doesNotContain(ServiceCommand.QUICK_COMPILER_ONLY);
		assertThat(ServiceCommand.of(Service.API_GATEWAY, tests, LAUNCH, true))
			.contains(ServiceCommand.QUICK_COMPILER_ONLY);
	}

}
