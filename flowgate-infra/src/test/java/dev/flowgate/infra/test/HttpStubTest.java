package dev.flowgate.infra.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpStubTest {

	private final HttpStub stub = HttpStub.start();

	private final HttpClient client = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void answersARouteForItsExactPathOnlyAndRecordsTheRequest() throws Exception {
		this.stub.on("/orders", (request) -> Reply.json(201, "{\"id\":7}"));

		HttpResponse<String> routed = send("POST", "/orders?customer=c%2042", "{\"n\":1}");
		HttpResponse<String> deeper = send("GET", "/orders/7", "");

		assertThat(routed.statusCode()).isEqualTo(201);
		assertThat(routed.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(routed.body()).isEqualTo("{\"id\":7}");
		assertThat(deeper.statusCode()).isEqualTo(404);
		Received received = this.stub.received("/orders").get(0);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.uri()).isEqualTo("/orders?customer=c%2042");
		assertThat(received.query()).isEqualTo("customer=c 42");
		assertThat(received.header("x-test")).isEqualTo("yes");
		assertThat(received.body()).isEqualTo("{\"n\":1}");
		assertThat(received.answeredAt()).isAfterOrEqualTo(received.arrivedAt());
		assertThat(this.stub.received()).extracting(Received::path).containsExactly("/orders", "/orders/7");
	}

	@Test
	void answersEveryOtherPathAsTold() throws Exception {
		this.stub.otherwise((request) -> Reply.text(200, "any " + request.path()));

		assertThat(send("GET", "/a/b", "").body()).isEqualTo("any /a/b");
	}

	private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.url(pathAndQuery)))
			.header("X-Test", "yes")
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
