package dev.flowgate.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's key across restarts, against a gateway stand-in on 127.0.0.1. */
class OwnerBootstrapTest {

	private static final String ADMIN_SECRET = "admin-test";

	private final AtomicInteger keysMinted = new AtomicInteger();

	private final AtomicInteger catchingUp = new AtomicInteger(2);

	private HttpServer gateway;

	@BeforeEach
	void startGateway() throws IOException {
		this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.gateway.createContext("/v1/keys", this::listKeys);
		this.gateway.createContext("/v1/owners/owner-1/keys", (exchange) -> {
			boolean admin = ADMIN_SECRET.equals(exchange.getRequestHeaders().getFirst("X-Admin-Secret"));
			if (admin) {
				this.keysMinted.incrementAndGet();
			}
			answer(exchange, admin ? 201 : 401, "{\"key\":{\"id\":\"k-2\"},\"secret\":\"sk-minted\"}");
		});
		this.gateway.start();
	}

	@AfterEach
	void stopGateway() {
		this.gateway.stop(0);
	}

	@Test
	void keepsTheLastStartsKeyWhileTheGatewayTakesIt() {
		OwnerBootstrap.Credentials credentials = bootstrap().credentials("owner-1", "sk-kept");

		assertThat(credentials.apiKey()).isEqualTo("sk-kept");
		assertThat(credentials.ownerId()).isEqualTo("owner-1");
		assertThat(this.keysMinted).hasValue(0);
		assertThat(this.catchingUp).hasValueLessThan(0);
	}

	@Test
	void mintsANewKeyWhenTheLastOneIsNoLongerTaken() {
		OwnerBootstrap.Credentials credentials = bootstrap().credentials("owner-1", "sk-deleted");

		assertThat(credentials.apiKey()).isEqualTo("sk-minted");
		assertThat(this.keysMinted).hasValue(1);
	}

	private OwnerBootstrap bootstrap() {
		return new OwnerBootstrap("http://127.0.0.1:" + this.gateway.getAddress().getPort(), ADMIN_SECRET);
	}

	/** 503 while the views catch up, then 200 for the kept and the minted key only. */
	private void listKeys(HttpExchange exchange) throws IOException {
		if (this.catchingUp.getAndDecrement() > 0) {
			answer(exchange, 503, "{}");
			return;
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		boolean taken = "Bearer sk-kept".equals(authorization) || "Bearer sk-minted".equals(authorization);
		answer(exchange, taken ? 200 : 401, taken ? "[]" : "{}");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
