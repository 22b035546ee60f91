package dev.flowgate.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;

/** Settings of a {@link KafkaBroker}. */
public final class KafkaBrokerBuilder {

	private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

	final Path dataDir;

	Path logFile;

	int port;

	int controllerPort;

	Collection<TopicSpec> topics = Topics.all();

	Duration startTimeout = DEFAULT_START_TIMEOUT;

	boolean stopWithParent;

	Path pidFile;

	BooleanSupplier exitExpected = () -> false;

	IntSupplier freePorts = FreePort::find;

	KafkaBrokerBuilder(Path dataDir) {
		this.dataDir = dataDir;
	}

	/** The PLAINTEXT port; 0 (the default) picks a free one. */
	public KafkaBrokerBuilder port(int port) {
		this.port = port;
		return this;
	}

	/** The KRaft controller port; 0 (the default) picks a free one. */
	public KafkaBrokerBuilder controllerPort(int controllerPort) {
		this.controllerPort = controllerPort;
		return this;
	}

	/**
	 * Where the broker's output goes; defaults to {@code broker.log} in the data
	 * directory.
	 */
	public KafkaBrokerBuilder logFile(Path logFile) {
		this.logFile = logFile;
		return this;
	}

	/** The topics to create; defaults to {@link Topics#all()}. */
	public KafkaBrokerBuilder topics(Collection<TopicSpec> topics) {
		this.topics = topics;
		return this;
	}

	public KafkaBrokerBuilder startTimeout(Duration startTimeout) {
		this.startTimeout = startTimeout;
		return this;
	}

	/**
	 * Makes the broker exit when this JVM does, even when it is killed, and runs it in a
	 * session of its own, so that a terminal's Ctrl-C reaches only this JVM (which then
	 * stops it in its turn); off by default, so that a later run can reuse the broker.
	 */
	public KafkaBrokerBuilder stopWithParent(boolean stopWithParent) {
		this.stopWithParent = stopWithParent;
		return this;
	}

	/**
	 * A file that holds the broker's pid while it runs, for scripts that stop what a
	 * killed launcher left behind.
	 */
	public KafkaBrokerBuilder pidFile(Path pidFile) {
		this.pidFile = pidFile;
		return this;
	}

	/**
	 * While this holds, the broker's exit is expected (its stack is stopping) and not
	 * reported as an error.
	 */
	public KafkaBrokerBuilder exitExpectedWhile(BooleanSupplier exitExpected) {
		this.exitExpected = exitExpected;
		return this;
	}

	/** Where ports left at 0 come from; tests hand out taken ones. */
	KafkaBrokerBuilder freePorts(IntSupplier freePorts) {
		this.freePorts = freePorts;
		return this;
	}

	public KafkaBroker build() {
		return new KafkaBroker(this);
	}

}
