package dev.flowgate.runner.domain.execution;

import dev.flowgate.contracts.ExecutionRequested;

/** What makes a decoded trigger unusable before its deployment is even looked up. */
final class TriggerCheck {

	private TriggerCheck() {
	}

	/** The problem, or {@code null} when the trigger can be run. */
	static String problemWith(ExecutionRequested trigger, String recordKey) {
		if (!hasText(trigger.executionId())) {
			return "the trigger has no executionId";
		}
		if (hasText(recordKey) && !recordKey.equals(trigger.executionId())) {
			return "the record key '%s' differs from the executionId '%s'".formatted(recordKey, trigger.executionId());
		}
		if (!hasText(trigger.deploymentId())) {
			return "the trigger has no deploymentId";
		}
		return null;
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
