package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1, in this JVM. It has no
 * multi-document transactions; TTL and non-unique indexes are ignored.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	private static final String HOST = "127.0.0.1";

	private final Supplier<MongoBackend> backends;

	private final InetSocketAddress address;

	private final String description;

	private MongoServer server;

	private EmbeddedMongo(Supplier<MongoBackend> backends, int port, String description) {
		this.backends = backends;
		this.server = new MongoServer(backends.get());
		this.server.bind(HOST, port);
		this.address = this.server.getLocalAddress();
		this.description = description;
		log.info("MongoDB wire server ({}) listening on {}", description, uri());
	}

	/** Keeps everything in memory; {@code port} 0 picks a free one. */
	public static EmbeddedMongo inMemory(int port) {
		return new EmbeddedMongo(IdIndexedBackends::memory, port, "in memory");
	}

	/**
	 * Keeps the data in an H2 file, so it survives a restart; {@code port} 0 picks a free
	 * one.
	 */
	public static EmbeddedMongo file(Path file, int port) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String fileName = file.toAbsolutePath().toString();
		return new EmbeddedMongo(() -> IdIndexedBackends.file(fileName), port, "H2 file " + file);
	}

	/** {@code mongodb://127.0.0.1:PORT}, without a database. */
	public String uri() {
		return "mongodb://" + HOST + ":" + port();
	}

	public int port() {
		return this.address.getPort();
	}

	/** What backs it, for log lines. */
	public String description() {
		return this.description;
	}

	/** Closes the connections and the backend (flushing the H2 file). */
	public synchronized void stop() {
		this.server.shutdown();
		log.info("MongoDB wire server on {} stopped", uri());
	}

	/**
	 * Starts again on the same port after {@link #stop()}, as a restarted MongoDB would:
	 * an H2 file still holds its data, an in-memory server starts empty.
	 */
	public synchronized void start() {
		this.server = new MongoServer(this.backends.get());
		this.server.bind(HOST, port());
		log.info("MongoDB wire server ({}) listening on {} again", this.description, uri());
	}

	@Override
	public void close() {
		stop();
	}

}
