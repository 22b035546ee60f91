package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a fleet's processes running, as a container runtime's restart policy would: one
 * that dies is started again after a pause, which grows while it keeps dying soon after
 * its start. {@code ./flowgate restart <service>} asks for a graceful restart by leaving
 * {@code <service>.restart} in the requests folder; the file goes once the service is
 * ready again, and {@code <service>.failed} says why it is not.
 */
final class ServiceSupervisor {

	static final String RESTART = ".restart";

	static final String FAILED = ".failed";

	private static final Logger log = LoggerFactory.getLogger(ServiceSupervisor.class);

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

	// A process that ran this long before it died is not caught in a loop of crashes.
	private static final Duration STEADY_RUN = Duration.ofSeconds(60);

	private final ServiceFleet fleet;

	private final Path requests;

	private final boolean restartsDied;

	// One thread: a restart asked for and one after a crash must not overlap.
	private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "flowgate-restart");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<String> asked = ConcurrentHashMap.newKeySet();

	private final Map<String, Start> starts = new ConcurrentHashMap<>();

	/**
	 * @param restartsDied whether a process that died is started again, or only forgotten
	 */
	ServiceSupervisor(ServiceFleet fleet, Path requests, boolean restartsDied) {
		this.fleet = fleet;
		this.requests = requests;
		this.restartsDied = restartsDied;
	}

	/** Watches from now on, in a thread of its own, until the fleet stops. */
	void start() {
		clearRequests();
		Thread watcher = new Thread(() -> {
			while (!this.fleet.isClosed()) {
				check();
				try {
					Thread.sleep(WATCH_INTERVAL.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			this.restarts.shutdownNow();
		}, "flowgate-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	void check() {
		for (ServiceInstance died : this.fleet.forgetDied()) {
			if (this.restartsDied) {
				Duration pause = pauseAfter(died.name());
				log.warn("{} will be started again in {} s", died.name(), pause.toSeconds());
				this.restarts.schedule(() -> startAgain(died), pause.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		for (String name : requested()) {
			if (this.asked.add(name)) {
				this.restarts.execute(() -> restartAsked(name));
			}
		}
	}

	private Duration pauseAfter(String name) {
		long now = System.nanoTime();
		Start last = this.starts.get(name);
		boolean looping = last != null && now - last.at() < STEADY_RUN.toNanos();
		Duration pause = looping ? min(last.pause().multipliedBy(2), LONGEST_PAUSE) : FIRST_PAUSE;
		this.starts.put(name, new Start(now + pause.toNanos(), pause));
		return pause;
	}

	private void startAgain(ServiceInstance died) {
		// Asked for in the meantime, and already started again.
		if (this.fleet.names().contains(died.name())) {
			return;
		}
		try {
			this.fleet.startAgain(died);
			log.info("{} started again", died.name());
		}
		catch (RuntimeException ex) {
			if (!this.fleet.isClosed()) {
				log.error("{} could not be started again: {}", died.name(), ex.getMessage());
			}
		}
	}

	private void restartAsked(String name) {
		try {
			log.info("Restarting {}, as asked", name);
			this.fleet.restart(name);
			log.info("{} restarted", name);
		}
		catch (RuntimeException ex) {
			write(this.requests.resolve(name + FAILED), String.valueOf(ex.getMessage()));
		}
		finally {
			delete(this.requests.resolve(name + RESTART));
			this.asked.remove(name);
		}
	}

	private List<String> requested() {
		if (!Files.isDirectory(this.requests)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.requests)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(RESTART))
				.map((file) -> file.substring(0, file.length() - RESTART.length()))
				.toList();
		}
		catch (IOException ex) {
			log.warn("Cannot read restart requests in {}: {}", this.requests, ex.getMessage());
			return List.of();
		}
	}

	/** Requests left from a stack before this one are not for it. */
	private void clearRequests() {
		try {
			Files.createDirectories(this.requests);
			try (Stream<Path> files = Files.list(this.requests)) {
				files.forEach(ServiceSupervisor::delete);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text + System.lineSeparator());
		}
		catch (IOException ex) {
			log.warn("Cannot write {}: {}", file, ex.getMessage());
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", file, ex.getMessage());
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** When a process is (to be) started again, after which pause. */
	private record Start(long at, Duration pause) {
	}

}
