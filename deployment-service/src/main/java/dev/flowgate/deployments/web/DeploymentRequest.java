package dev.flowgate.deployments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.deployment.DeploymentChanges;
import dev.flowgate.internal.Setting;

/**
 * The body of {@code POST /v1/deployments} and {@code PATCH /v1/deployments/{id}} (where
 * {@code flowId} is ignored), as a JSON merge patch: absent fields keep their value or
 * default; {@code delivery} and {@code limits} may also be {@code null}, which clears
 * them (kept as JSON to tell the two apart).
 */
record DeploymentRequest(String flowId, Integer flowVersion, String name, String mode, String environment,
		Boolean enabled, Integer syncTimeoutSeconds, JsonNode delivery, JsonNode limits) {

	private static final String DELIVERY = "delivery";

	private static final String LIMITS = "limits";

	/**
	 * @throws InvalidRequestException when {@code delivery} or {@code limits} is not an
	 * object of the expected members (or {@code null})
	 */
	DeploymentChanges toChanges() {
		List<FieldProblem> problems = new ArrayList<>();
		Setting<DeliveryTarget> deliverySetting = setting(DELIVERY, this.delivery,
				(object) -> deliveryOf(new JsonMembers(DELIVERY, object, problems)), problems);
		Setting<DeploymentLimits> limitsSetting = setting(LIMITS, this.limits,
				(object) -> limitsOf(new JsonMembers(LIMITS, object, problems)), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new DeploymentChanges(this.flowVersion, this.name, this.mode, this.environment, this.enabled,
				this.syncTimeoutSeconds, deliverySetting, limitsSetting);
	}

	private static <T> Setting<T> setting(String field, JsonNode value, Function<JsonNode, T> read,
			List<FieldProblem> problems) {
		if (value == null) {
			return Setting.keep();
		}
		if (value.isNull()) {
			return Setting.to(null);
		}
		if (!value.isObject()) {
			problems.add(new FieldProblem(field, "must be an object, or null"));
			return Setting.keep();
		}
		return Setting.to(read.apply(value));
	}

	/** Where results go; {@code allowCallbackOverride} may be left out (false). */
	private static DeliveryTarget deliveryOf(JsonMembers members) {
		DeliveryTarget delivery = new DeliveryTarget(members.text("callbackUrl"), members.text("email"),
				Boolean.TRUE.equals(members.flag("allowCallbackOverride")));
		members.refuseOthers();
		return delivery;
	}

	private static DeploymentLimits limitsOf(JsonMembers members) {
		DeploymentLimits limits = new DeploymentLimits(members.wholeNumber("maxConcurrentExecutions"),
				members.wholeNumber("requestsPerMinute"));
		members.refuseOthers();
		return limits;
	}

}
