package dev.flowgate.system;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * The tests' own HTTP servers: stand-ins for the APIs flows call and for callback URLs.
 */
public final class LoopbackServers {

	// Connections waiting to be accepted, as a real server allows (nginx 511): a runner
	// or
	// delivery-service taking over a backlog opens hundreds at once, and with the JDK's
	// default of 50 the rest would wait for a SYN sent again seconds later.
	private static final int BACKLOG = 1024;

	private LoopbackServers() {
	}

	/** A server on 127.0.0.1 and a free port, not started. */
	public static HttpServer create() throws IOException {
		return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
	}

}
