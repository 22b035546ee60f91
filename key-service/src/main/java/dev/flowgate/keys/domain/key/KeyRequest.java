package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.internal.DisplayNames;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.InvalidRequestException.FieldProblem;

/** A new key as its owner asked for it; scopes default to {@code run}. */
public record KeyRequest(String name, KeyPermissions permissions) {

	static final int MAX_NAME_LENGTH = 100;

	private static final String FIRST_KEY_NAME = "default";

	public KeyRequest {
		InvalidRequestException.throwIfAny(nameProblems(name));
	}

	/**
	 * The name and the permissions checked together, so that a request learns of every
	 * problem at once.
	 */
	static KeyRequest checked(String name, Supplier<KeyPermissions> permissions) {
		List<FieldProblem> problems = new ArrayList<>(nameProblems(name));
		KeyPermissions checked = null;
		try {
			checked = permissions.get();
		}
		catch (InvalidRequestException ex) {
			problems.addAll(ex.problems());
		}
		InvalidRequestException.throwIfAny(problems);
		return new KeyRequest(name, checked);
	}

	private static List<FieldProblem> nameProblems(String name) {
		return DisplayNames.problem(name, MAX_NAME_LENGTH)
			.map((problem) -> List.of(new FieldProblem("name", problem)))
			.orElse(List.of());
	}

	public static KeyRequest of(String name, Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt,
			Integer rateLimitPerMinute) {
		Set<KeyScope> effectiveScopes = (scopes != null) ? scopes : Set.of(KeyScope.RUN);
		// MongoDB keeps milliseconds; the same precision here keeps every event of a key
		// alike.
		Instant expiry = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MILLIS) : null;
		return checked(name, () -> new KeyPermissions(effectiveScopes, deploymentIds, expiry, rateLimitPerMinute));
	}

	/** The key every new owner gets: it may run flows and manage the workspace. */
	public static KeyRequest firstKey() {
		return new KeyRequest(FIRST_KEY_NAME, new KeyPermissions(EnumSet.allOf(KeyScope.class), Set.of(), null, null));
	}

}
