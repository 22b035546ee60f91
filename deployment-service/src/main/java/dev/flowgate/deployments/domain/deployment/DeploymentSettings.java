package dev.flowgate.deployments.domain.deployment;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.flowgate.flowrules.InputType;
import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.internal.DisplayNames;

/** Applies a caller's settings to a deployment, collecting every invalid one. */
final class DeploymentSettings {

	static final int MIN_SYNC_TIMEOUT_SECONDS = 1;

	static final int MAX_SYNC_TIMEOUT_SECONDS = 300;

	private static final int MAX_NAME_LENGTH = 200;

	// One address: no separators, brackets or quotes that would make it a list or a name.
	private static final String EMAIL_PART = "[^@\\s,;:<>()\\[\\]\\\\\"]+";

	private static final Pattern EMAIL = Pattern.compile(EMAIL_PART + "@" + EMAIL_PART + "\\." + EMAIL_PART);

	/**
	 * The longest address SMTP carries (RFC 5321); checked first, as the pattern takes
	 * time growing with the square of a long dotted text that fails it.
	 */
	private static final int MAX_EMAIL_LENGTH = 254;

	private DeploymentSettings() {
	}

	static Deployment apply(Deployment base, DeploymentChanges changes, List<FieldProblem> problems) {
		String name = (changes.name() != null) ? checkName(changes.name(), problems) : base.name();
		DeploymentMode mode = (changes.mode() != null) ? parse(DeploymentMode.class, "mode", changes.mode(), problems)
				: base.mode();
		DeploymentEnvironment environment = (changes.environment() != null)
				? parse(DeploymentEnvironment.class, "environment", changes.environment(), problems)
				: base.environment();
		boolean enabled = (changes.enabled() != null) ? changes.enabled() : base.enabled();
		int syncTimeout = (changes.syncTimeoutSeconds() != null) ? changes.syncTimeoutSeconds()
				: base.syncTimeoutSeconds();
		if (syncTimeout < MIN_SYNC_TIMEOUT_SECONDS || syncTimeout > MAX_SYNC_TIMEOUT_SECONDS) {
			problems.add(new FieldProblem("syncTimeoutSeconds",
					"must be from %d to %d".formatted(MIN_SYNC_TIMEOUT_SECONDS, MAX_SYNC_TIMEOUT_SECONDS)));
		}
		DeliveryTarget delivery = changes.delivery().changed() ? checkDelivery(changes.delivery().value(), problems)
				: base.delivery();
		DeploymentLimits limits = changes.limits().changed() ? checkLimits(changes.limits().value(), problems)
				: base.limits();
		return new Deployment(base.id(), base.ownerId(), name, base.flowId(), base.flowVersion(), base.flow(), mode,
				environment, enabled, syncTimeout, delivery, limits, base.version(), base.createdAt(),
				base.updatedAt());
	}

	private static String checkName(String name, List<FieldProblem> problems) {
		DisplayNames.problem(name, MAX_NAME_LENGTH)
			.ifPresent((problem) -> problems.add(new FieldProblem("name", problem)));
		return name;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String token, List<FieldProblem> problems) {
		List<String> tokens = Arrays.stream(type.getEnumConstants())
			.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
			.toList();
		int index = tokens.indexOf(token);
		if (index < 0) {
			problems.add(new FieldProblem(field, "must be one of " + String.join(", ", tokens)));
			return null;
		}
		return type.getEnumConstants()[index];
	}

	/** {@code null} (cleared) is no delivery. */
	private static DeliveryTarget checkDelivery(DeliveryTarget delivery, List<FieldProblem> problems) {
		if (delivery == null) {
			return DeliveryTarget.NONE;
		}
		String callbackUrl = blankToNull(delivery.callbackUrl());
		String email = blankToNull(delivery.email());
		if (callbackUrl != null && !InputType.isHttpUrl(callbackUrl)) {
			problems.add(new FieldProblem("delivery.callbackUrl", "must be an absolute http or https URL"));
		}
		else if (callbackUrl != null && URI.create(callbackUrl).getRawUserInfo() != null) {
			// delivery-service would refuse it at every delivery, and show it in its log.
			problems.add(new FieldProblem("delivery.callbackUrl", "must not carry credentials (user:password@)"));
		}
		if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("delivery.email", "must be an email address"));
		}
		return new DeliveryTarget(callbackUrl, email, delivery.allowCallbackOverride());
	}

	/** {@code null} (cleared) is no limit. */
	private static DeploymentLimits checkLimits(DeploymentLimits limits, List<FieldProblem> problems) {
		if (limits == null) {
			return DeploymentLimits.NONE;
		}
		if (limits.maxConcurrentExecutions() != null && limits.maxConcurrentExecutions() < 1) {
			problems.add(new FieldProblem("limits.maxConcurrentExecutions", "must be at least 1, or null"));
		}
		if (limits.requestsPerMinute() != null && limits.requestsPerMinute() < 1) {
			problems.add(new FieldProblem("limits.requestsPerMinute", "must be at least 1, or null"));
		}
		return limits;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
