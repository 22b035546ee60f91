package dev.flowgate.system.badinput;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.flowgate.system.Api;
import dev.flowgate.system.SystemStack;
import dev.flowgate.system.badinput.TriggerTopic.Published;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a trigger can be wrong, on all three trigger APIs: the documented status, the
 * API's own error shape, and nothing published to {@code flowgate.executions.requested}.
 * Every call carries its own {@code Idempotency-Key}, which the trigger event repeats, so
 * a published trigger names the call it came from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	private final SystemStack stack = SystemStack.shared();

	private BadInputFixture fixture;

	private TriggerTopic topic;

	private Map<TopicPartition, Long> start;

	/** Idempotency keys of the calls made, with what each call was. */
	private final Map<String, String> acceptedCalls = new ConcurrentHashMap<>();

	private final Map<String, String> refusedCalls = new ConcurrentHashMap<>();

	@BeforeAll
	void prepare() {
		this.fixture = new BadInputFixture(this.stack);
		this.topic = TriggerTopic.connect(this.stack.processes().kafkaBootstrapServers());
		this.start = this.topic.endOffsets();
	}

	@AfterAll
	void disconnect() {
		this.topic.close();
	}

	/** The control: the same probe does see what a good call publishes. */
	@ParameterizedTest
	@EnumSource(Endpoint.class)
	@Order(1)
	void acceptsAndPublishesAValidCall(Endpoint endpoint) {
		Map<TopicPartition, Long> before = this.topic.endOffsets();
		String key = newKey(this.acceptedCalls, endpoint + " control");

		Api.Response response = endpoint.send(this.stack.api(), this.fixture.valid(), key);

		// 202 when the runner is slower than the sync timeout: accepted all the same.
		assertThat(response.status()).as(response.toString()).isIn(200, 202);
		assertThat(this.topic.since(before)).containsOnlyOnce(new Published(this.fixture.target, key));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("cases")
	@Order(2)
	void refusesAndPublishesNothing(BadInput bad, Endpoint endpoint) {
		Map<TopicPartition, Long> before = this.topic.endOffsets();
		Endpoint.Call call = bad.call().apply(this.fixture);
		String key = newKey(this.refusedCalls, bad + " on " + endpoint);

		Api.Response response = endpoint.send(this.stack.api(), call, key);

		assertThat(response.status()).as(bad + " on " + endpoint + ": " + response).isEqualTo(bad.status());
		endpoint.assertRefusal(response, bad.status(), bad.detailOn(endpoint));
		if (bad.status() == 429) {
			assertThat(response.headers().get("Retry-After")).singleElement()
				.satisfies((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
			assertThat(response.headers().get("RateLimit-Remaining")).containsExactly("0");
		}
		if (endpoint == Endpoint.NATIVE && bad.status() == 401) {
			assertThat(response.headers().get("WWW-Authenticate")).containsExactly("Bearer");
		}
		if (endpoint == Endpoint.NATIVE && bad.invalidField() != null) {
			assertThat(response.json().at("/errors").values()).as(response.toString())
				.extracting((error) -> error.at("/field").asString())
				.contains(bad.invalidField());
			assertThat(response.json().at("/errors").values()).allSatisfy((error) -> {
				assertThat(error.has("input")).isFalse();
				assertThat(error.at("/message").asString()).isNotBlank();
			});
			assertThat(response.json().has("field")).isFalse();
		}
		assertThat(this.topic.since(before)).as("triggers published after the refused call")
			.noneMatch((published) -> key.equals(published.idempotencyKey())
					|| this.fixture.deploymentIds().contains(published.deploymentId())
					|| call.deploymentId().equals(published.deploymentId()));
	}

	/**
	 * A trigger published late (after the refusal was answered) escapes the check of its
	 * own case; once a last good call is through, all of them are on the topic.
	 */
	@Test
	@Order(3)
	void nothingRefusedWasPublishedLaterEither() {
		String lastKey = newKey(this.acceptedCalls, "last control");
		Api.Response last = Endpoint.NATIVE.send(this.stack.api(), this.fixture.valid(), lastKey);
		assertThat(last.status()).as(last.toString()).isIn(200, 202);

		List<Published> published = this.topic.since(this.start);

		assertThat(published).extracting(Published::idempotencyKey).contains(lastKey);
		assertThat(published).filteredOn((trigger) -> this.fixture.deploymentIds().contains(trigger.deploymentId()))
			.extracting((trigger) -> callOf(trigger.idempotencyKey()))
			.as("the calls whose triggers were published")
			.containsExactlyInAnyOrderElementsOf(this.acceptedCalls.values());
	}

	private String callOf(String idempotencyKey) {
		if (idempotencyKey == null) {
			return "a call without an Idempotency-Key";
		}
		return this.refusedCalls.getOrDefault(idempotencyKey,
				this.acceptedCalls.getOrDefault(idempotencyKey, "an unknown call"));
	}

	private static String newKey(Map<String, String> calls, String label) {
		String key = "bad-input-" + UUID.randomUUID();
		calls.put(key, label);
		return key;
	}

	static Stream<Arguments> cases() {
		return table().stream()
			.flatMap((bad) -> bad.endpoints().stream().map((endpoint) -> Arguments.of(bad, endpoint)));
	}

	private static List<BadInput> table() {
		return List.of(
				onAll("malformed JSON", 400, "not valid JSON",
						(f) -> f.valid().withRawBody("{\"input_data\": {\"text\": "))
					.naming(""),
				onAll("wrong content type", 415, "must be application/json",
						(f) -> f.valid().withContentType("text/plain")),
				onAll("body not a JSON object", 400, "must be a JSON object", (f) -> f.valid().withRawBody("[1, 2]"))
					.naming(""),
				onAll("wrong input type", 400, "count: must be a number",
						(f) -> f.valid().withInputs(Map.of("text", "hi", "count", "many")))
					.onNative("input_data.count must be a number")
					.naming("input_data.count"),
				onAll("missing required inputs", 400, "text: is required", (f) -> f.valid().withInputs(Map.of()))
					.onNative("The request has 2 invalid fields: input_data.")
					.naming("input_data.text"),
				onAll("oversized body", 413, "larger than " + MAX_BODY_BYTES + " bytes",
						(f) -> f.valid().withInputs(Map.of("text", "x".repeat(MAX_BODY_BYTES), "count", 1))),
				onAll("unknown deployment", 404, "not found",
						(f) -> f.valid().withDeployment(UUID.randomUUID().toString())),
				onAll("deleted deployment", 404, "not found", (f) -> f.valid().withDeployment(f.deleted)),
				onAll("disabled deployment", 403, "is disabled", (f) -> f.valid().withDeployment(f.disabled)),
				onAll("missing key", 401, "An API key is required", (f) -> f.valid().withKey(null)),
				onAll("malformed key", 401, "malformed", (f) -> f.valid().withKey("sk-not-a-real-key")),
				onAll("key with a wrong checksum", 401, "malformed",
						(f) -> f.valid().withKey(f.runKeyWithBadChecksum())),
				onAll("deactivated key", 401, "inactive", (f) -> f.valid().withKey(f.deactivatedKey.secret())),
				onAll("deleted key", 401, "not valid", (f) -> f.valid().withKey(f.deletedKey.secret())),
				onAll("expired key", 401, "expired", (f) -> f.valid().withKey(f.expiredKey.secret())),
				onAll("key without the run scope", 403, "lacks the 'run' scope",
						(f) -> f.valid().withKey(f.manageOnlyKey.secret())),
				onAll("key for other deployments only", 404, "not found",
						(f) -> f.valid().withKey(f.otherDeploymentKey.secret())),
				onAll("another owner's key", 404, "not found", (f) -> f.valid().withKey(f.otherOwnersKey.secret())),
				onAll("key rate limit exceeded", 429, "rate limit", (f) -> {
					f.exhaustKeyRateLimit();
					return f.valid().withKey(f.rateLimitedKey.secret());
				}), onAll("deployment rate limit exceeded", 429, "rate limit", (f) -> {
					f.exhaustDeploymentRateLimit();
					return f.valid().withDeployment(f.limited);
				}),
				on(Endpoint.NATIVE, "callback_url not an http(s) URL", 400, "callback_url must be an http(s) URL",
						(f) -> f.valid()
							.withRawBody("{\"input_data\":{\"text\":\"hi\",\"count\":1},\"callback_url\":\"ftp://x\"}"))
					.naming("callback_url"),
				on(Endpoint.FLUX, "missing flowId", 400, "flowId query parameter is required",
						(f) -> f.valid().withDeployment("")),
				on(Endpoint.FLUX, "unknown inputId", 400, "matches no input node",
						(f) -> f.valid().withInputs(Map.of("text", "hi", "count", 1, "colour", "red"))));
	}

	private static BadInput onAll(String name, int status, String detail,
			Function<BadInputFixture, Endpoint.Call> call) {
		return new BadInput(name, status, detail, null, EnumSet.allOf(Endpoint.class), call, null);
	}

	private static BadInput on(Endpoint endpoint, String name, int status, String detail,
			Function<BadInputFixture, Endpoint.Call> call) {
		return new BadInput(name, status, detail, null, EnumSet.of(endpoint), call, null);
	}

	/**
	 * One row of the table.
	 *
	 * @param detail a part of the error message every API must show
	 * @param nativeDetail a part of the native problem's detail where it differs, or
	 * {@code null}
	 * @param invalidField the field the native problem's {@code errors} must name (its
	 * JSON path, "" for the whole body)
	 */
	record BadInput(String name, int status, String detail, String nativeDetail, Set<Endpoint> endpoints,
			Function<BadInputFixture, Endpoint.Call> call, String invalidField) {

		BadInput naming(String field) {
			return new BadInput(this.name, this.status, this.detail, this.nativeDetail, this.endpoints, this.call,
					field);
		}

		BadInput onNative(String detail) {
			return new BadInput(this.name, this.status, this.detail, detail, this.endpoints, this.call,
					this.invalidField);
		}

		String detailOn(Endpoint endpoint) {
			return (endpoint == Endpoint.NATIVE && this.nativeDetail != null) ? this.nativeDetail : this.detail;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
