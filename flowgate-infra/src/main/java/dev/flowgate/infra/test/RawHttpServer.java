package dev.flowgate.infra.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that speaks HTTP/1.1 by hand, one thread per connection, for
 * tests of what well-behaved servers never do (drop a request, forget a connection, never
 * end a body), which {@link HttpStub} cannot be made to do. The runner's and
 * delivery-service's tests had each written one.
 */
public abstract class RawHttpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	protected RawHttpServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, getClass().getSimpleName());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/** {@code http://127.0.0.1:PORT} and the path. */
	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/** Connections accepted so far. */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Serves one connection, numbered from 1; it is closed afterwards.
	 * @throws IOException when the test or the client closed it
	 */
	protected abstract void serve(Socket connection, int number) throws IOException;

	/** Reads one request's head; {@code false} at the end of the stream. */
	protected static boolean readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				return false;
			}
			head.write(next);
		}
		return true;
	}

	/** Writes a 200 answer with a JSON body. */
	protected static void answer(Socket connection, String json, boolean close) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		connection.getOutputStream()
			.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
					+ (close ? "Connection: close\r\n" : "") + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		connection.getOutputStream().write(body);
		connection.getOutputStream().flush();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.open.add(connection);
				int number = this.connections.incrementAndGet();
				Thread serving = new Thread(() -> serveAndClose(connection, number),
						getClass().getSimpleName() + "-" + number);
				serving.setDaemon(true);
				serving.start();
			}
			catch (IOException ex) {
				// Closed by the test.
			}
		}
	}

	private void serveAndClose(Socket connection, int number) {
		try (connection) {
			serve(connection, number);
		}
		catch (IOException ex) {
			// Closed by the test, or by the client.
		}
		finally {
			this.open.remove(connection);
		}
	}

	/** Stops accepting and closes the connections still open. */
	@Override
	public void close() {
		try {
			this.socket.close();
			for (Socket connection : this.open) {
				connection.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
