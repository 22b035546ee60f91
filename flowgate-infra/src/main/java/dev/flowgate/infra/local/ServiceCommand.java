package dev.flowgate.infra.local;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.infra.ManagedProcess;

/** The command line of a service's JVM. */
final class ServiceCommand {

	// Small heaps and the serial collector: five JVMs share two cores and a laptop's
	// memory.
	private static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:+ExitOnOutOfMemoryError");

	// C1 only: in a short run, seven JVMs on two cores were still compiling with C2 after
	// thousands of requests (docs/performance.md).
	static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

	private ServiceCommand() {
	}

	/**
	 * Its CPU priority is set where it is started ({@link Service#niceness()}).
	 * @param launch how the JVM finds the service, e.g. {@code -jar <jar>}
	 */
	static List<String> of(StackOptions options, List<String> launch) {
		List<String> command = new ArrayList<>();
		command.add(ManagedProcess.javaExecutable());
		command.addAll(JVM_OPTIONS);
		if (!options.optimizingCompiler()) {
			command.add(QUICK_COMPILER_ONLY);
		}
		command.addAll(launch);
		return command;
	}

}
