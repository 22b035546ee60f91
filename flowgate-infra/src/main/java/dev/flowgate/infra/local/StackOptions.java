package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run a local stack.
 *
 * @param root the repository root (service jars are under {@code <module>/target})
 * @param runDir where logs, pid files, data and {@code local.env} go
 * @param persistent whether MongoDB and Kafka keep their data in {@code runDir/data}
 * across restarts
 * @param serviceEnv extra environment for every service process
 * @param sharedClasses whether services start with class-data sharing (pays off from the
 * second start with the same jars)
 * @param optimizingCompiler whether the services' JVMs also compile hot code with C2:
 * pays off for a stack that runs for minutes; a short test run spends more on compiling
 * than it saves
 * @param inheritsSettings whether the services see the {@code FLOWGATE_*} and
 * {@code SPRING_*} variables exported where the stack starts: a user's settings for the
 * local run and a benchmark's experiments, never for a test stack (a shell that sourced
 * {@code run/local.env} holds the local run's)
 */
public record StackOptions(Path root, Path runDir, StackPorts ports, boolean persistent, Map<String, String> serviceEnv,
		boolean sharedClasses, boolean optimizingCompiler, boolean inheritsSettings) {

	private static final List<String> SETTINGS_PREFIXES = List.of("FLOWGATE_", "SPRING_");

	/** The local run: fixed ports, data kept under run/data. */
	public static StackOptions local(Path root, Path runDir) {
		return new StackOptions(root, runDir, StackPorts.defaults(), true, Map.of(), true, true, true);
	}

	/** System tests: free ports, a fresh MongoDB per run. */
	public static StackOptions forTests(Path root, Path runDir, StackPorts ports) {
		return new StackOptions(root, runDir, ports, false, Map.of(), false, false, false);
	}

	/**
	 * Benchmarks: free ports and fresh data as for tests, the services compiled as in the
	 * local run and set as exported (say, {@code SPRING_THREADS_VIRTUAL_ENABLED=true}).
	 */
	public static StackOptions forBenchmark(Path root, Path runDir, StackPorts ports) {
		return new StackOptions(root, runDir, ports, false, Map.of(), false, true, true);
	}

	/**
	 * The same, with MongoDB and Kafka keeping their data in files under the run folder.
	 */
	public StackOptions withDataInFiles() {
		return new StackOptions(this.root, this.runDir, this.ports, true, this.serviceEnv, this.sharedClasses,
				this.optimizingCompiler, this.inheritsSettings);
	}

	public StackOptions withServiceEnv(Map<String, String> env) {
		return new StackOptions(this.root, this.runDir, this.ports, this.persistent, Map.copyOf(env),
				this.sharedClasses, this.optimizingCompiler, this.inheritsSettings);
	}

	/** The prefixes of the variables a service does not inherit from here. */
	List<String> uninheritedPrefixes() {
		return this.inheritsSettings ? List.of() : SETTINGS_PREFIXES;
	}

	Path logs() {
		return this.runDir.resolve("logs");
	}

	Path pids() {
		return this.runDir.resolve("pids");
	}

	/**
	 * Where {@code ./flowgate restart} leaves its requests ({@link ServiceSupervisor}).
	 */
	Path requests() {
		return this.runDir.resolve("requests");
	}

	Path classData() {
		return this.runDir.resolve("cds");
	}

	Path data() {
		return this.runDir.resolve("data");
	}

}
