package dev.flowgate.gateway.domain.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.flowgate.apikeys.ApiKeyFormat;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;

/**
 * A key as key-service answered a change of it, in what the view holds: the view has
 * applied the change once its state of the key agrees. key-service answers no version, so
 * the state is compared field by field; only the fields the answer told are compared.
 */
public final class ExpectedKey {

	private final String keyId;

	private final List<Predicate<KeyStateChanged>> conditions = new ArrayList<>();

	private ExpectedKey(String keyId) {
		this.keyId = keyId;
	}

	/** The key present in the view, whatever its state. */
	public static ExpectedKey of(String keyId) {
		return new ExpectedKey(keyId);
	}

	public String keyId() {
		return this.keyId;
	}

	/**
	 * Authenticates {@code secret}: its current one or, after a later rotation, the
	 * previous one.
	 */
	public ExpectedKey secret(String secret) {
		String hash = ApiKeyFormat.hash(secret);
		return with((state) -> hash.equals(state.secretHash()) || hash.equals(state.previousSecretHash()));
	}

	public ExpectedKey status(KeyStatus status) {
		return with((state) -> state.status() == status);
	}

	public ExpectedKey scopes(Set<KeyScope> scopes) {
		return with((state) -> state.scopes().equals(scopes));
	}

	public ExpectedKey deploymentIds(Set<String> deploymentIds) {
		return with((state) -> state.deploymentIds().equals(deploymentIds));
	}

	public ExpectedKey expiresAt(Instant expiresAt) {
		return with((state) -> Objects.equals(state.expiresAt(), expiresAt));
	}

	public ExpectedKey rateLimitPerMinute(Integer perMinute) {
		return with((state) -> Objects.equals(state.rateLimitPerMinute(), perMinute));
	}

	/**
	 * @param state the view's state of the key, {@code null} when it has none
	 */
	boolean metBy(KeyStateChanged state) {
		return state != null && this.conditions.stream().allMatch((condition) -> condition.test(state));
	}

	private ExpectedKey with(Predicate<KeyStateChanged> condition) {
		this.conditions.add(condition);
		return this;
	}

	@Override
	public String toString() {
		return "key " + this.keyId;
	}

}
