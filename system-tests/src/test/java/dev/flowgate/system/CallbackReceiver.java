package dev.flowgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 that records what it gets and answers a chosen
 * status.
 */
public final class CallbackReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private CallbackReceiver(HttpServer server) {
		this.server = server;
	}

	public static CallbackReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			CallbackReceiver receiver = new CallbackReceiver(server);
			server.createContext("/", (exchange) -> {
				Map<String, String> headers = new HashMap<>();
				exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				receiver.received.add(new Received(headers, body));
				exchange.sendResponseHeaders(receiver.status.get(), -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void answer(int httpStatus) {
		this.status.set(httpStatus);
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Received(Map<String, String> headers, String body) {
	}

}
