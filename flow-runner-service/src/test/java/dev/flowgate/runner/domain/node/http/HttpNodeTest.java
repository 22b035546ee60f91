package dev.flowgate.runner.domain.node.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.StubServer;
import dev.flowgate.runner.support.StubServer.Received;
import dev.flowgate.runner.support.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HttpNodeTest {

	private final StubServer api = StubServer.start();

	private final EngineFixture fixture = new EngineFixture(this.api.url(""));

	@AfterEach
	void stop() {
		this.fixture.close();
		this.api.close();
	}

	@Test
	void getsJsonAndParsesTheBody() {
		this.api.on("/orders", (request) -> Reply.json(200, "{\"items\":[{\"id\":7,\"total\":12.5}]}"));
		FlowDefinition flow = Flows.flow()
			.input("customer")
			.node("lookup", "http",
					Map.of("method", "GET", "url", this.api.url("/orders") + "?customer={{input.customer}}"))
			.output("first", "{{lookup.body.items.0}}")
			.output("status", "{{lookup.status}}")
			.edge("customer", "lookup")
			.edge("lookup", "first")
			.edge("lookup", "status")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("customer", "c-42"));

		assertThat(outcome.outputs()).containsEntry("first", Map.of("id", 7, "total", 12.5))
			.containsEntry("status", 200);
		assertThat(this.api.received("/orders")).singleElement().extracting(Received::query).isEqualTo("customer=c-42");
		@SuppressWarnings("unchecked")
		Map<String, Object> output = (Map<String, Object>) outcome.trace().get(1).output();
		assertThat((Map<String, Object>) output.get("headers")).containsEntry("content-type", "application/json");
	}

	@Test
	void postsAJsonBodyWhoseTemplatesKeepTheirTypes() throws Exception {
		this.api.on("/echo", (request) -> Reply.json(201, request.body()));
		FlowDefinition flow = Flows.flow()
			.input("qty")
			.node("post", "http",
					Map.of("method", "POST", "url", this.api.url("/echo"), "headers",
							Map.of("X-Order", "order-{{input.qty}}"), "body",
							Map.of("quantity", "{{input.qty}}", "label", "qty {{input.qty}}", "tags", List.of("a"))))
			.output("sent", "{{post.body}}")
			.edge("qty", "post")
			.edge("post", "sent")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("qty", 3));

		assertThat(outcome.outputs().get("sent"))
			.isEqualTo(Map.of("quantity", 3, "label", "qty 3", "tags", List.of("a")));
		Received received = this.api.received("/echo").get(0);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		assertThat(received.header("X-Order")).isEqualTo("order-3");
		assertThat(JsonMapper.builder().build().readValue(received.body(), Map.class)).containsEntry("quantity", 3);
	}

	@Test
	void sendsAStringBodyAsTextAndReturnsTextBodiesAsText() {
		this.api.on("/text", (request) -> Reply.text(200, "got: " + request.body()));
		FlowDefinition flow = Flows.flow()
			.input("name")
			.node("post", "http", Map.of("method", "PUT", "url", this.api.url("/text"), "body", "hello {{input.name}}"))
			.output("reply", "{{post.body}}")
			.edge("name", "post")
			.edge("post", "reply")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("name", "Ada"));

		assertThat(outcome.outputs()).containsExactly(Map.entry("reply", "got: hello Ada"));
		assertThat(this.api.received("/text").get(0).method()).isEqualTo("PUT");
	}

	@Test
	void failsOnStatusesOutsideTwoHundred() {
		this.api.on("/denied", (request) -> Reply.json(403, "{\"error\":\"no\"}"));
		FlowDefinition flow = Flows.flow().node("call", "http", Map.of("url", this.api.url("/denied"))).build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("HTTP 403 from " + this.api.url("/denied"));
	}

	@Test
	void refusesHostsOutsideTheAllowList() {
		try (EngineFixture guarded = new EngineFixture(this.api.url(""), Set.of("api.example.com"), 4096)) {
			FlowDefinition flow = Flows.flow()
				.node("call", "http", Map.of("url", this.api.url("/anything"), "retry", Map.of("maxAttempts", 3)))
				.build();

			FlowOutcome outcome = guarded.run(flow, Map.of());

			assertThat(outcome.error().message())
				.isEqualTo("the host '127.0.0.1' is not in the runner's outbound allow-list");
			assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
			assertThat(this.api.received()).isEmpty();
		}
	}

	@Test
	void rejectsUrlsThatAreNotHttp() {
		FlowDefinition flow = Flows.flow().node("call", "http", Map.of("url", "file:///etc/passwd")).build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.error().message()).isEqualTo("'file:///etc/passwd' is not an absolute http(s) URL");
	}

}
