package dev.flowgate.infra;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

/** The command line of the broker JVM. */
final class BrokerCommand {

	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
			"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
			"-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");

	// Early on the command line, where a process listing always shows it.
	private static final String DATA_DIR_PROPERTY = "flowgate.kafka.data-dir";

	private BrokerCommand() {
	}

	/**
	 * {@code java ... BrokerMain server.properties log-dir cluster-id}; the cluster id is
	 * used only when the storage is not formatted yet.
	 */
	static List<String> of(String classpath, Path dataDir, Path properties, Path logDir, boolean stopWithParent) {
		List<String> command = new ArrayList<>();
		command.add(ManagedProcess.javaExecutable());
		command.addAll(JVM_OPTIONS);
		command.add(dataDirOption(dataDir));
		if (stopWithParent) {
			command.add("-D" + BrokerMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
		}
		command.addAll(List.of("-cp", classpath + File.pathSeparator + ownLocation(), BrokerMain.class.getName()));
		command.addAll(List.of(properties.toString(), logDir.toString(), Uuid.randomUuid().toString()));
		return command;
	}

	/** Whether this process is a broker started by {@link #of} on {@code dataDir}. */
	static boolean isBrokerOn(ProcessHandle process, Path dataDir) {
		return process.info().commandLine().filter((line) -> line.contains(dataDirOption(dataDir))).isPresent();
	}

	private static String dataDirOption(Path dataDir) {
		return "-D" + DATA_DIR_PROPERTY + "=" + dataDir;
	}

	// BrokerMain runs from this module's own jar (or classes directory).
	private static String ownLocation() {
		try {
			return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
