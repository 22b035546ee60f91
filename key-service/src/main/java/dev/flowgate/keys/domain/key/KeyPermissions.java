package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.InvalidRequestException.FieldProblem;

/**
 * What a key may do; kept as is when the key is rotated.
 *
 * @param deploymentIds the deployments the key may trigger; empty means all of the
 * owner's
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param rateLimitPerMinute requests per minute, or {@code null} for no limit
 */
public record KeyPermissions(Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt,
		Integer rateLimitPerMinute) {

	/** Each is checked with deployment-service when the key is made. */
	static final int MAX_DEPLOYMENT_IDS = 100;

	/** The last instant of four-digit years, which every client reads back. */
	static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59.999Z");

	public KeyPermissions {
		deploymentIds = (deploymentIds != null) ? deploymentIds : Set.of();
		InvalidRequestException.throwIfAny(problems(scopes, deploymentIds, expiresAt, rateLimitPerMinute));
		scopes = Set.copyOf(scopes);
		deploymentIds = Set.copyOf(deploymentIds);
	}

	private static List<FieldProblem> problems(Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt,
			Integer rateLimitPerMinute) {
		List<FieldProblem> problems = new ArrayList<>();
		if (scopes == null || scopes.isEmpty()) {
			problems.add(new FieldProblem("scopes", "must name at least one scope"));
		}
		else if (scopes.stream().anyMatch(Objects::isNull)) {
			problems.add(new FieldProblem("scopes", "must not contain null"));
		}
		if (deploymentIds.stream().anyMatch((id) -> id == null || id.isBlank())) {
			problems.add(new FieldProblem("deploymentIds", "must not contain blank ids"));
		}
		else if (deploymentIds.size() > MAX_DEPLOYMENT_IDS) {
			problems.add(new FieldProblem("deploymentIds", "must name at most " + MAX_DEPLOYMENT_IDS + " deployments"));
		}
		if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
			problems.add(new FieldProblem("expiresAt", "must be no later than " + LATEST_EXPIRY));
		}
		if (rateLimitPerMinute != null && rateLimitPerMinute <= 0) {
			problems.add(new FieldProblem("rateLimitPerMinute", "must be greater than 0"));
		}
		return problems;
	}

	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

}
