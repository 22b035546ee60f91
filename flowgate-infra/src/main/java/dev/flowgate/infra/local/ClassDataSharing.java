package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.infra.ManagedProcess;

/**
 * Class-data sharing across a fleet's processes, when on ({@link ClassDataCache} holds
 * the archives): how each JVM starts, how long it may take to stop, and whether the
 * archive it wrote as it stopped is kept.
 */
final class ClassDataSharing {

	/**
	 * How long a service that writes its class-data archive at exit may take to stop:
	 * five niced JVMs writing 70-80 MB each on two busy cores took more than the default
	 * 20 s, and a kill leaves the archive unusable.
	 */
	static final Duration ARCHIVE_STOP_TIMEOUT = Duration.ofSeconds(120);

	// A JVM stopped by SIGTERM runs its shutdown (and writes its archive), then exits
	// with 128 + 15.
	private static final int EXIT_AFTER_SIGTERM = 143;

	private static final Set<Integer> CLEAN_EXITS = Set.of(0, EXIT_AFTER_SIGTERM);

	private final boolean on;

	private final ClassDataCache cache;

	// A JVM stopped before it was ready has loaded only part of its classes: its archive
	// would slow every later start.
	private final Set<ManagedProcess> ready = ConcurrentHashMap.newKeySet();

	ClassDataSharing(boolean on, Path dir) {
		this.on = on;
		this.cache = new ClassDataCache(dir);
	}

	/**
	 * JVM options and the jar to run, {@code -jar bootJar} when sharing is off.
	 * @param name the process name: each process has its own archive
	 */
	List<String> launch(String name, Path bootJar) {
		return this.on ? this.cache.launch(name, bootJar) : List.of("-jar", bootJar.toString());
	}

	/** Whether the JVM started with {@link #launch} writes an archive when it exits. */
	boolean writesArchive(String name) {
		return this.on && this.cache.writesArchive(name);
	}

	static Duration stopTimeout(boolean writesArchive) {
		return writesArchive ? ARCHIVE_STOP_TIMEOUT : ManagedProcess.DEFAULT_STOP_TIMEOUT;
	}

	void ready(ManagedProcess process) {
		this.ready.add(process);
	}

	/** Forgets a process that is gone without a graceful stop. */
	void forget(ManagedProcess process) {
		this.ready.remove(process);
	}

	/**
	 * After a graceful stop, keeps the archive the process wrote if it was ready and
	 * exited cleanly.
	 * @param stoppedInTime whether it exited within its stop timeout, without a kill
	 * @return whether the archive was kept
	 */
	boolean stopped(String name, ManagedProcess process, boolean writesArchive, boolean stoppedInTime) {
		boolean wasReady = this.ready.remove(process);
		if (stoppedInTime && wasReady && writesArchive && exitedCleanly(process)) {
			this.cache.keepArchive(name);
			return true;
		}
		return false;
	}

	private static boolean exitedCleanly(ManagedProcess process) {
		return process.exitCode().filter(CLEAN_EXITS::contains).isPresent();
	}

}
