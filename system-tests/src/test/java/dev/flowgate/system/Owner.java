package dev.flowgate.system;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant created the way an operator creates one (admin secret), with its first key
 * (scopes {@code run} and {@code manage}), making management calls over HTTP.
 */
public final class Owner {

	private static final Duration KEY_ARRIVAL = Duration.ofSeconds(30);

	private final Api api;

	private final String id;

	private final ApiKey manageKey;

	private Owner(Api api, String id, ApiKey manageKey) {
		this.api = api;
		this.id = id;
		this.manageKey = manageKey;
	}

	/** A new owner; returns once the gateway accepts its first key. */
	public static Owner create(SystemStack stack, String name) {
		return create(stack, stack.api(), name);
	}

	/** A new owner whose calls, its creation included, go through {@code api}. */
	public static Owner create(SystemStack stack, Api api, String name) {
		Api.Response created = api.post("/v1/owners", stack.admin(), Map.of("name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ApiKey key = new ApiKey(created.text("/key/id"), IssuedSecrets.remember(created.text("/key/secret")));
		awaitKnownToGateway(api, key.secret());
		return new Owner(api, created.text("/owner/id"), key);
	}

	/**
	 * Waits until the gateway's key view has the key's current state: a read that needs
	 * no trigger, so waiting publishes nothing.
	 */
	public static void awaitKnownToGateway(Api api, String secret) {
		await().atMost(KEY_ARRIVAL).until(() -> probe(api, secret) != 401);
	}

	/** Waits until the gateway refuses the key (revoked, rotated out, deleted). */
	public static void awaitRefusedByGateway(Api api, String secret) {
		await().atMost(KEY_ARRIVAL).until(() -> probe(api, secret) == 401);
	}

	private static int probe(Api api, String secret) {
		return api.get("/v1/executions/" + UUID.randomUUID(), Api.bearer(secret)).status();
	}

	public String id() {
		return this.id;
	}

	public ApiKey manageKey() {
		return this.manageKey;
	}

	/** Headers of a management call with the owner's first key. */
	public Map<String, String> manage() {
		return this.manageKey.bearer();
	}

	/** A new key ({@code POST /v1/keys}); returns once the gateway knows it. */
	public ApiKey newKey(Map<String, Object> settings) {
		Api.Response created = this.api.post("/v1/keys", manage(), settings);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ApiKey key = new ApiKey(created.text("/id"), IssuedSecrets.remember(created.text("/secret")));
		awaitKnownToGateway(this.api, key.secret());
		return key;
	}

	/** A management call that must answer {@code expectedStatus}. */
	public Api.Response post(String path, Object body, int expectedStatus) {
		Api.Response response = this.api.post(path, manage(), body);
		assertThat(response.status()).as("POST " + path + ": " + response).isEqualTo(expectedStatus);
		return response;
	}

	/** A management read that must answer 200. */
	public Api.Response get(String path) {
		Api.Response response = this.api.get(path, manage());
		assertThat(response.status()).as("GET " + path + ": " + response).isEqualTo(200);
		return response;
	}

	/** An API key as issued: its id and the secret shown once. */
	public record ApiKey(String id, String secret) {

		public Map<String, String> bearer() {
			return Api.bearer(this.secret);
		}

		@Override
		public String toString() {
			return "ApiKey[" + this.id + "]";
		}

	}

}
