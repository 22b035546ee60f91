package dev.flowgate.gateway.domain.key;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.limit.ManagementBudget;

/**
 * Who is calling: an authenticated API key.
 *
 * @param deploymentIds the deployments the key may trigger; empty means all
 * @param rateLimitPerMinute the key's limit, or {@code null} for none
 * @param previousSecret whether the key authenticated with the secret a rotation
 * replaced, during its grace period
 */
public record Caller(String keyId, String ownerId, Set<KeyScope> scopes, Set<String> deploymentIds,
		Integer rateLimitPerMinute, boolean previousSecret) {

	/** A caller with the key's current secret. */
	public Caller(String keyId, String ownerId, Set<KeyScope> scopes, Set<String> deploymentIds,
			Integer rateLimitPerMinute) {
		this(keyId, ownerId, scopes, deploymentIds, rateLimitPerMinute, false);
	}

	/** Requires one of {@code anyOf}. */
	public void requireScope(KeyScope... anyOf) {
		if (Arrays.stream(anyOf).noneMatch(this.scopes::contains)) {
			throw Rejection.forbidden("This API key lacks the "
					+ Arrays.stream(anyOf).map((scope) -> "'" + token(scope) + "'").collect(Collectors.joining(" or "))
					+ " scope");
		}
	}

	/**
	 * Whose budget of management calls this key's take from: its owner's with
	 * {@code manage} access, else its own, so that a leaked {@code run} key cannot use up
	 * what the owner needs to revoke it.
	 */
	public ManagementBudget managementBudget() {
		return this.scopes.contains(KeyScope.MANAGE) ? ManagementBudget.ofOwner(this.ownerId)
				: ManagementBudget.ofKey(this.keyId);
	}

	/**
	 * Whether the key may read an execution's trace: every node's output, an http node's
	 * upstream answer included, is the owner's debugging data (its tools have
	 * {@code manage}), not the answer of the endpoint the key calls.
	 */
	public boolean readsTraces() {
		return this.scopes.contains(KeyScope.MANAGE);
	}

	public boolean mayUse(String deploymentId) {
		return this.deploymentIds.isEmpty() || this.deploymentIds.contains(deploymentId);
	}

	private static String token(KeyScope scope) {
		return scope.name().toLowerCase(Locale.ROOT);
	}

}
