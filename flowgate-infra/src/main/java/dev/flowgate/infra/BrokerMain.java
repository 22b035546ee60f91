package dev.flowgate.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import kafka.tools.StorageTool;

/**
 * Main class of the broker JVM: formats the storage on first start (in the same JVM,
 * which saves a JVM start), then runs {@code kafka.Kafka}. With
 * {@value #PARENT_PID_PROPERTY} set, the broker stops (through Kafka's own shutdown hook)
 * when that process is gone, so a killed test run leaves no broker behind.
 *
 * <p>
 * Arguments: {@code server.properties log-dir cluster-id}.
 */
final class BrokerMain {

	static final String PARENT_PID_PROPERTY = "flowgate.kafka.parent-pid";

	private BrokerMain() {
	}

	public static void main(String[] args) {
		String properties = args[0];
		Path logDir = Path.of(args[1]);
		String clusterId = args[2];
		exitWithParent();
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			int code = StorageTool.execute(
					new String[] { "format", "--ignore-formatted", "-t", clusterId, "-c", properties }, System.err);
			if (code != 0) {
				System.err.println("Formatting the Kafka storage failed with code " + code);
				System.exit(code);
			}
		}
		kafka.Kafka.main(new String[] { properties });
	}

	private static void exitWithParent() {
		String parentPid = System.getProperty(PARENT_PID_PROPERTY);
		if (parentPid == null) {
			return;
		}
		Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
		if (parent.isEmpty()) {
			System.err.println("The process that started this broker is gone; exiting");
			System.exit(1);
		}
		parent.get().onExit().thenRun(() -> {
			System.err.println("The process that started this broker exited; stopping the broker");
			System.exit(0);
		});
	}

}
