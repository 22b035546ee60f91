package dev.flowgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/** The baseline: a bare JDK HTTP server answering a JSON POST with its body. */
final class EchoServer implements AutoCloseable {

	private static final int THREADS = 16;

	private final HttpServer server;

	private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);

	EchoServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		this.server.createContext("/echo", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.setExecutor(this.workers);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/echo";
	}

	@Override
	public void close() {
		this.server.stop(0);
		// Its threads are not daemons: left running, they keep the benchmark from
		// exiting.
		this.workers.shutdownNow();
	}

}
