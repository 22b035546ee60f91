package dev.flowgate.system.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.system.LoopbackServers;

/**
 * An HTTP API on 127.0.0.1 that answers {@code {"ok":true}} after a random delay, so that
 * executions calling it are still running when a process is killed.
 */
public final class SlowStub implements AutoCloseable {

	private static final int SCHEDULER_THREADS = 2;

	private final HttpServer server;

	private final ScheduledExecutorService scheduler;

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger inProgress = new AtomicInteger();

	private SlowStub(HttpServer server, ScheduledExecutorService scheduler) {
		this.server = server;
		this.scheduler = scheduler;
	}

	/** Answers each call after between {@code minMillis} and {@code maxMillis}. */
	public static SlowStub start(int minMillis, int maxMillis) {
		try {
			HttpServer server = LoopbackServers.create();
			ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS);
			SlowStub stub = new SlowStub(server, scheduler);
			server.createContext("/", (exchange) -> {
				stub.calls.incrementAndGet();
				stub.inProgress.incrementAndGet();
				// Answered later from the scheduler: no thread is held while "working".
				long delay = ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
				scheduler.schedule(() -> stub.answer(exchange), delay, TimeUnit.MILLISECONDS);
			});
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/work";
	}

	public int calls() {
		return this.calls.get();
	}

	/** Calls received and not answered yet: executions waiting on this API right now. */
	public int inProgress() {
		return this.inProgress.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.scheduler.shutdownNow();
	}

	private void answer(HttpExchange exchange) {
		this.inProgress.decrementAndGet();
		byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
		try {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
		catch (IOException ex) {
			// The runner gave up (killed, or cancelled the execution): nothing to answer.
		}
		finally {
			exchange.close();
		}
	}

}
