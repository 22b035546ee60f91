package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.egress.HostResolver;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.domain.engine.FlowRun;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HttpNodeTest {

	private final HttpStub api = HttpStub.start();

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
			.input("qty", "number")
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
		assertThat(received.header("Upgrade")).as("no h2c upgrade offered over plain http").isNull();
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
		assertThat(outcome.error().message()).as("an answer refusing credentials is not quoted")
			.isEqualTo("HTTP 403 from " + this.api.url("/denied"));
	}

	@Test
	void quotesTheStartOfWhatTheServerSaidWasWrong() {
		this.api.on("/picky", (request) -> Reply.json(400,
				"{\"error\": {\n  \"message\": \"'messages' must contain the word 'json'\"}}"));
		this.api.on("/verbose", (request) -> Reply.text(422, "x".repeat(1000)));

		FlowOutcome picky = this.fixture.run(call("/picky"), Map.of());
		FlowOutcome verbose = this.fixture.run(call("/verbose"), Map.of());

		assertThat(picky.error().message()).isEqualTo("HTTP 400 from " + this.api.url("/picky")
				+ ": {\"error\": { \"message\": \"'messages' must contain the word 'json'\"}}");
		assertThat(verbose.error().message())
			.isEqualTo("HTTP 422 from " + this.api.url("/verbose") + ": " + "x".repeat(300) + "…");
	}

	private FlowDefinition call(String path) {
		return Flows.flow().node("call", "http", Map.of("url", this.api.url(path))).build();
	}

	@Test
	void keepsTokensInTheUrlOutOfTheError() {
		this.api.on("/denied", (request) -> Reply.json(401, "{\"error\":\"no\"}"));
		String url = this.api.url("/denied").replace("http://", "http://user:pw@") + "?api_key=sk-secret&page=2";
		FlowDefinition flow = Flows.flow().node("call", "http", Map.of("url", url)).build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(this.api.received("/denied")).singleElement()
			.extracting(Received::query)
			.isEqualTo("api_key=sk-secret&page=2");
		assertThat(outcome.error().message()).isEqualTo("HTTP 401 from " + this.api.url("/denied"));
	}

	@Test
	void keepsTokensOutOfTheErrorForAUrlThatDoesNotParse() {
		FlowDefinition flow = Flows.flow()
			.input("q")
			.node("call", "http",
					Map.of("url", "http://user:pw@api.example.com/search?api_key=sk-secret&q={{input.q}}"))
			.edge("q", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("q", "two words"));

		assertThat(outcome.error().message())
			.isEqualTo("'http://api.example.com/search' is not a valid URL (Illegal character in query)");
	}

	@Test
	void aHostWhoseLookupHangsHoldsNoWorker() {
		this.api.on("/quick", (request) -> Reply.json(200, "{\"ok\":true}"));
		CountDownLatch nameserverAnswers = new CountDownLatch(1);
		HostResolver dns = (host) -> {
			if (!host.endsWith(".lookup-hangs.example")) {
				return HostResolver.SYSTEM.resolve(host);
			}
			try {
				nameserverAnswers.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new UnknownHostException(host);
		};

		FlowDefinition quick = Flows.flow().node("call", "http", Map.of("url", this.api.url("/quick"))).build();
		try (EngineFixture fixture = new EngineFixture(this.api.url(""), Set.of(), List.of("127.0.0.0/8"), 4096, dns)) {
			// Six hosts, more than the engine's four workers.
			List<CompletableFuture<FlowOutcome>> stuck = IntStream.range(0, 6)
				.mapToObj((n) -> fixture.engine()
					.start(EngineFixture.OWNER, hangingLookup(n), Map.of(), Instant.now().plusSeconds(20)))
				.map(FlowRun::outcome)
				.toList();

			FlowOutcome answered = fixture.run(quick, Map.of());

			assertThat(answered.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
			assertThat(stuck).allSatisfy(
					(outcome) -> assertThat(outcome.join().error().message()).isEqualTo("timed out after 1000 ms"));
			nameserverAnswers.countDown();
		}
	}

	private static FlowDefinition hangingLookup(int host) {
		return Flows.flow()
			.node("call", "http", Map.of("url", "http://" + host + ".lookup-hangs.example/x", "timeoutSeconds", 1))
			.build();
	}

	/**
	 * DNS rebinding: the name's next answer would be a private address. The connection
	 * goes to the address the guard checked; the name is not looked up again, and stays
	 * the request's Host.
	 */
	@Test
	void connectsToTheAddressTheGuardCheckedWithoutLookingTheNameUpAgain() throws Exception {
		this.api.on("/rebound", (request) -> Reply.json(200, "{\"ok\":true}"));
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> {
			if (!host.equals("rebinding.example")) {
				return HostResolver.SYSTEM.resolve(host);
			}
			String answer = (lookups.getAndIncrement() == 0) ? "127.0.0.1" : "10.0.0.5";
			return List.of(InetAddress.getByName(answer));
		};
		String url = "http://rebinding.example:" + this.api.port() + "/rebound";
		try (EngineFixture fixture = new EngineFixture(this.api.url(""), Set.of(), List.of("127.0.0.0/8"), 4096,
				rebinding)) {
			FlowOutcome outcome = fixture.run(Flows.flow().node("call", "http", Map.of("url", url)).build(), Map.of());

			assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo(ExecutionStatus.SUCCEEDED);
			assertThat(lookups).hasValue(1);
			assertThat(this.api.arrivals("/rebound")).singleElement()
				.satisfies((call) -> assertThat(call.header("Host")).isEqualTo("rebinding.example:" + this.api.port()));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Host              | other.example     | restricted header name: "Host"
			Content-Length    | 0                 | restricted header name: "Content-Length"
			X-Split           | a{{input.nl}}b    | invalid header value for "X-Split"
			Bad Name          | x                 | invalid header name: "Bad Name"
			""")
	void refusesHeadersItCannotSendAsTheyAre(String name, String value, String refusal) {
		FlowDefinition flow = Flows.flow()
			.input("nl")
			.node("call", "http", Map.of("url", this.api.url("/anything"), "headers", Map.of(name, value)))
			.edge("nl", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("nl", "\r\nInjected: yes"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo(refusal);
		assertThat(this.api.received()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{{origin}}{{input.v}}              | @evil.example/steal    | url: a value changes the host the template names (127.0.0.1)
					{{origin}}/orders/{{input.v}}      | ../admin               | url: a value adds a '.' or '..' segment to the path
					{{origin}}/orders/{{input.v}}/x    | %2E%2e                 | url: a value adds a '.' or '..' segment to the path
					{{origin}}/orders/{{input.v}}      | ..;/admin              | url: a value adds a '.' or '..' segment to the path
					{{origin}}/orders/{{input.v}}      | ..%2Fadmin             | url: a value adds a '.' or '..' segment to the path
					{{origin}}/orders/{{input.v}}      | x%5C..%5Cadmin         | url: a value adds a '.' or '..' segment to the path
					""")
	void aValueCannotTakeTheRequestElsewhereThanTheTemplateNames(String template, String value, String refusal) {
		String origin = this.api.url("");
		FlowDefinition flow = Flows.flow()
			.input("v")
			.node("call", "http", Map.of("url", template.replace("{{origin}}", origin)))
			.edge("v", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("v", value));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo(refusal);
		assertThat(this.api.received()).isEmpty();
	}

	@Test
	void aValueCannotChangeThePortTheTemplateNames() {
		FlowDefinition flow = Flows.flow()
			.input("v")
			.node("call", "http",
					Map.of("url", "http://127.0.0.1{{input.v}}", "headers",
							Map.of("Authorization", "Bearer for-port-80-only")))
			.edge("v", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("v", ":" + this.api.port() + "/steal"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("url: a value changes the port the template names (80)");
		assertThat(this.api.received()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{{origin}}\\{{input.v}}", "{{origin}}\\\\{{input.v}}", "{{origin}}/\\{{x}}/{{input.v}}" })
	void anEscapeInTheUrlIsTextThatNoValueGetsPast(String template) {
		FlowDefinition flow = Flows.flow()
			.input("v")
			.node("call", "http", Map.of("url", template.replace("{{origin}}", this.api.url(""))))
			.edge("v", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("v", "@evil.example/steal"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).contains("is not a valid URL");
		assertThat(this.api.received()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/docs/{{input.a}}.{{input.b}}                 | report       | json  | /docs/report.json
			/specs/{{input.a}}.{{input.b}}.{{input.c}}/x  | 1            | 2     | /specs/1.2.3/x
			/docs/../docs/{{input.a}}                     | report.json  | -     | /docs/../docs/report.json
			/repos/{{input.a}}.{{input.b}}                | flowgate/api | git   | /repos/flowgate/api.git
			""")
	void keepsTheDotsTheTemplateHasBetweenValues(String path, String a, String b, String expected) {
		this.api.on(expected, (request) -> Reply.json(200, "{}"));

		FlowOutcome outcome = this.fixture.run(dottedCall(path), Map.of("a", a, "b", b, "c", "3"));

		assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.api.received(expected)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/docs/{{input.a}}.{{input.b}}                 | ../../admin/users  | json
			/docs/{{input.a}}.{{input.b}}                 | x/..%2f..%2Fadmin  | json
			/docs/{{input.a}}.{{input.b}}                 | x                  | json/../../admin
			/specs/{{input.a}}.{{input.b}}.{{input.c}}/x  | ''                 | ''
			/docs/..{{input.a}}                           | /admin             | -
			/docs/{{input.a}}..                           | x/                 | -
			/docs/{{input.a}}%{{input.b}}                 | .                  | 2e
			""")
	void aValueCannotMakeADotSegmentBesideTheDotsOfTheTemplate(String path, String a, String b) {
		FlowOutcome outcome = this.fixture.run(dottedCall(path), Map.of("a", a, "b", b, "c", ""));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("url: a value adds a '.' or '..' segment to the path");
		assertThat(this.api.received()).isEmpty();
	}

	private FlowDefinition dottedCall(String path) {
		return Flows.flow()
			.input("a")
			.input("b")
			.input("c")
			.node("call", "http", Map.of("url", this.api.url(path)))
			.edge("a", "call")
			.edge("b", "call")
			.edge("c", "call")
			.build();
	}

	@Test
	void aValueInsideTheHostCannotTakeTheRequestToAnotherHost() {
		this.api.on("/x", (request) -> Reply.json(200, "{}"));
		String port = String.valueOf(URI.create(this.api.url("")).getPort());
		String host = "{{input.v}}.0.0.1:" + port;
		FlowDefinition flow = Flows.flow()
			.input("v")
			.node("call", "http", Map.of("url", "http://" + host + "/x"))
			.edge("v", "call")
			.build();

		FlowOutcome named = this.fixture.run(flow, Map.of("v", "127"));
		FlowOutcome elsewhere = this.fixture.run(flow, Map.of("v", "evil.example/?"));

		assertThat(named.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(elsewhere.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(elsewhere.error().message())
			.isEqualTo("url: a value changes the host the template names (" + host + ")");
		assertThat(this.api.received()).hasSize(1);
	}

	@Test
	void aUrlTheFlowTakesWholeFromAnInputMayGoAnywhereTheGuardAllows() {
		this.api.on("/orders/7", (request) -> Reply.json(200, "{}"));
		FlowDefinition flow = Flows.flow()
			.input("target")
			.input("id")
			.node("call", "http", Map.of("url", "{{input.target}}/orders/{{input.id}}"))
			.edge("target", "call")
			.edge("id", "call")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("target", this.api.url(""), "id", "7"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.api.received("/orders/7")).hasSize(1);
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

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1:{port}/anything          | Host 127.0.0.1 is a loopback address
			http://[::1]:{port}/anything              | Host [::1] resolves to 0:0:0:0:0:0:0:1, a loopback address
			http://0.0.0.0:{port}/anything            | Host 0.0.0.0 is an unspecified address
			http://[::ffff:127.0.0.1]:{port}/anything | IPv4-mapped IPv6 address (127.0.0.1)
			http://169.254.169.254/latest/meta-data/  | Host 169.254.169.254 is a cloud metadata address
			http://10.0.0.5/internal                  | Host 10.0.0.5 is a private address
			""")
	void refusesPrivateAddressesUnlessTheOperatorAllowsThem(String target, String refusal) {
		String url = target.replace("{port}", Integer.toString(this.api.port()));
		try (EngineFixture strict = new EngineFixture(this.api.url(""), Set.of(), List.of(), 4096)) {
			FlowDefinition flow = Flows.flow()
				.node("call", "http", Map.of("url", url, "retry", Map.of("maxAttempts", 3)))
				.build();

			FlowOutcome outcome = strict.run(flow, Map.of());

			assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
			assertThat(outcome.error().message()).contains(refusal)
				.endsWith("; an operator can allow the range with flowgate.runner.http.allowed-cidrs");
			assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
			assertThat(this.api.arrivals("/anything")).isEmpty();
		}
	}

	@Test
	void failsARefusedNameAsItFailsAnUnknownOneSoAFlowCannotMapTheNetwork() {
		HostResolver dns = (host) -> {
			if (host.equals("internal.example")) {
				return List.of(InetAddress.getLoopbackAddress());
			}
			throw new UnknownHostException(host);
		};
		try (EngineFixture strict = new EngineFixture(this.api.url(""), Set.of(), List.of(), 4096, dns)) {
			FlowOutcome refused = strict.run(twoAttemptsAt("http://internal.example:" + this.api.port() + "/x"),
					Map.of());
			FlowOutcome unknown = strict.run(twoAttemptsAt("http://missing.example:" + this.api.port() + "/x"),
					Map.of());

			assertThat(refused.error().message().replace("internal.example", "HOST"))
				.isEqualTo(unknown.error().message().replace("missing.example", "HOST"));
			assertThat(refused.trace().get(0).attempts()).isEqualTo(unknown.trace().get(0).attempts()).isEqualTo(2);
			assertThat(this.api.received()).isEmpty();
		}
	}

	private static FlowDefinition twoAttemptsAt(String url) {
		return Flows.flow()
			.node("call", "http", Map.of("url", url, "retry", Map.of("maxAttempts", 2, "backoffMillis", 10)))
			.build();
	}

	@Test
	void saysWhereItCouldNotConnectAndRetries() {
		HttpStub gone = HttpStub.start();
		String url = gone.url("/orders");
		gone.close();
		FlowDefinition flow = Flows.flow()
			.node("call", "http", Map.of("url", url, "retry", Map.of("maxAttempts", 2, "backoffMillis", 10)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).startsWith("could not connect to 127.0.0.1:" + gone.port());
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(2);
	}

	@Test
	void rejectsUrlsThatAreNotHttp() {
		FlowDefinition flow = Flows.flow().node("call", "http", Map.of("url", "file:///etc/passwd")).build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.error().message()).isEqualTo("'file:///etc/passwd' is not an absolute http(s) URL");
	}

}
