package dev.flowgate.infra.local;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM of {@code ./flowgate up}: starts the stack, tells where it is, and runs until
 * Ctrl-C or {@code ./flowgate down}, which stop it, also while it is still starting.
 */
final class StackLauncher {

	private final long started = System.nanoTime();

	private final StackCommand command;

	private final StackOptions options;

	private final LauncherFiles files;

	private final AtomicBoolean shuttingDown = new AtomicBoolean();

	private final CountDownLatch stopped = new CountDownLatch(1);

	StackLauncher(StackCommand command) {
		this.command = command;
		this.options = options(command, System.getenv());
		this.files = new LauncherFiles(command.runDir());
	}

	/**
	 * The local run's options: the settings the user exported win over its defaults.
	 * @param exported the launcher's environment
	 */
	static StackOptions options(StackCommand command, Map<String, String> exported) {
		return StackOptions.local(command.root(), command.runDir()).withServiceEnv(ExportedSettings.pick(exported));
	}

	/** Returns once the stack has stopped; exits at once if one of its ports is taken. */
	void run() throws InterruptedException {
		this.files.writePid();
		requireFreePorts();
		LocalStack stack = new LocalStack(this.options);
		// Before the start, so that a stop during it (Ctrl-C, ./flowgate down) stops what
		// has started instead of leaving it behind.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "flowgate-shutdown"));
		try {
			stack.startAll();
		}
		catch (RuntimeException ex) {
			if (!this.shuttingDown.get()) {
				throw ex; // the shutdown hook stops what started
			}
			// Stopped while starting: the failure is the stop itself, not worth a trace.
			this.stopped.await();
			return;
		}
		if (!this.shuttingDown.get()) {
			System.out.println(summary(stack, LocalStack.seconds(this.started)));
		}
		this.files.markReady();
		new ServiceSupervisor(stack.services(), this.options.requests(), true).start();
		this.stopped.await();
	}

	private void requireFreePorts() {
		try {
			this.options.ports().requireFree();
		}
		catch (PortsInUseException ex) {
			System.err.println(ex.getMessage());
			this.files.remove();
			System.exit(1);
		}
	}

	private void stop(LocalStack stack) {
		this.shuttingDown.set(true);
		System.out.println("Stopping Flowgate...");
		stack.close();
		this.files.remove();
		System.out.println("Flowgate stopped.");
		this.stopped.countDown();
	}

	private String summary(LocalStack stack, long seconds) {
		return """

				Flowgate is up (ready in %d s).
				  Gateway:      %s
				  API key:      %s   (owner %s, scopes run+manage)
				  Admin secret: in run/local.env
				  Mail:         %s
				  Logs:         %s
				Scripts: . run/local.env   Stop: %s
				""".formatted(seconds, stack.gatewayUrl(), stack.apiKey(), stack.ownerId(), stack.mailApiUrl(),
				this.options.logs(), this.command.detached() ? "./flowgate down" : "Ctrl-C or ./flowgate down");
	}

}
