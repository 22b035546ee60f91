package dev.flowgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 that records what it gets and what it answered:
 * 200, 503 with {@code Retry-After} while told to refuse, 410 while told it is gone, or
 * nothing once told to hold (the sender's attempt stays in flight until the connection is
 * closed).
 */
public final class CallbackReceiver implements AutoCloseable {

	private static final int OK = 200;

	private static final int UNAVAILABLE = 503;

	private static final int GONE = 410;

	private static final int NO_ANSWER = 0;

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	// null: answer 200; else refuse with 503 and this Retry-After. Guarded by this.
	private Duration refusing;

	// Refusals left before holding. Guarded by this.
	private int refusalsBeforeHold;

	// Answering 410. Guarded by this.
	private boolean gone;

	// Calls taken while holding, unanswered; null while not holding. Guarded by this.
	private List<HttpExchange> held;

	private CallbackReceiver(HttpServer server) {
		this.server = server;
	}

	public static CallbackReceiver start() {
		try {
			HttpServer server = LoopbackServers.create();
			CallbackReceiver receiver = new CallbackReceiver(server);
			server.createContext("/", (exchange) -> {
				Map<String, String> headers = new HashMap<>();
				exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				int status = receiver.answer(exchange, headers, body);
				if (status != NO_ANSWER) {
					exchange.sendResponseHeaders(status, -1);
					exchange.close();
				}
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

	/**
	 * Answers the next {@code refusals} calls 503 with this {@code Retry-After}, then
	 * answers nothing, keeping each call open, until {@link #accept()}, which closes them
	 * unanswered. Switches on the call itself: a burst of callbacks gets no more refusals
	 * than asked for (enough of them would open the sender's circuit breaker).
	 */
	public synchronized void refuseThenHold(Duration retryAfter, int refusals) {
		if (refusals < 1) {
			throw new IllegalArgumentException("At least one refusal before holding, not " + refusals);
		}
		this.refusing = retryAfter;
		this.refusalsBeforeHold = refusals;
	}

	/** From now on answers 410 Gone, until {@link #accept()}. */
	public synchronized void gone() {
		this.gone = true;
	}

	/** From now on answers 200 again; calls held until now are closed unanswered. */
	public void accept() {
		synchronized (this) {
			this.refusing = null;
			this.refusalsBeforeHold = 0;
			this.gone = false;
		}
		releaseHeld();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		releaseHeld();
		this.server.stop(0);
	}

	/**
	 * Records the call and what it is answered, in the one place that decides it:
	 * {@link #NO_ANSWER} when it is held, else the status to send.
	 */
	private synchronized int answer(HttpExchange exchange, Map<String, String> headers, String body) {
		int status;
		if (this.held != null) {
			this.held.add(exchange);
			status = NO_ANSWER;
		}
		else if (this.gone) {
			status = GONE;
		}
		else if (this.refusing != null) {
			exchange.getResponseHeaders().add("Retry-After", Long.toString(this.refusing.toSeconds()));
			if (--this.refusalsBeforeHold == 0) {
				this.held = new ArrayList<>();
			}
			status = UNAVAILABLE;
		}
		else {
			status = OK;
		}
		this.received.add(new Received(headers, body, status, Instant.now()));
		return status;
	}

	private synchronized void releaseHeld() {
		if (this.held != null) {
			// Closed before any answer: the connection goes without one.
			this.held.forEach(HttpExchange::close);
			this.held = null;
		}
	}

	/**
	 * @param headers the request's headers, names in lower case
	 * @param answered the status this receiver answered, 0 for a call it held and closed
	 * unanswered
	 */
	public record Received(Map<String, String> headers, String body, int answered, Instant at) {

		public boolean delivered() {
			return this.answered == OK;
		}

		public boolean refused() {
			return this.answered == UNAVAILABLE;
		}

		/** Held: the sender never got an answer to this call. */
		public boolean unanswered() {
			return this.answered == NO_ANSWER;
		}

	}

}
