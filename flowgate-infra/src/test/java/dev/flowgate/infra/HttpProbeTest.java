package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProbeTest {

	@Test
	void answersOkOnlyFor2xx() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/ready", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/starting", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();

			assertThat(new HttpProbe(URI.create(base + "/ready")).answersOk()).isTrue();
			assertThat(new HttpProbe(URI.create(base + "/starting")).answersOk()).isFalse();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void isNotOkWhenNothingListens() {
		assertThat(new HttpProbe(URI.create("http://127.0.0.1:9/ready")).answersOk()).isFalse();
	}

}
