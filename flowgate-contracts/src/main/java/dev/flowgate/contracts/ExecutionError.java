package dev.flowgate.contracts;

import java.util.List;

/**
 * Why an execution failed.
 *
 * @param nodeId the failing node, or {@code null} when the failure is not a node's
 * @param code a stable machine-readable reason, one of {@link #CODES}
 */
public record ExecutionError(String nodeId, String code, String message) {

	/** A node failed (its {@code nodeId} is set), after its retries. */
	public static final String NODE_FAILED = "node_failed";

	/** The execution did not finish before its deadline. */
	public static final String TIMEOUT = "timeout";

	/** Its owner asked to stop it. */
	public static final String CANCELLED = "cancelled";

	/** The trigger could not be read or named no deployed flow. */
	public static final String INVALID_TRIGGER = "invalid_trigger";

	/** The flow it pins cannot run. */
	public static final String INVALID_FLOW = "invalid_flow";

	/** The outputs were larger than Kafka takes and are left out. */
	public static final String RESULT_TOO_LARGE = "result_too_large";

	/** The outputs nest deeper than JSON writers allow and are left out. */
	public static final String RESULT_TOO_DEEP = "result_too_deep";

	/** The runner itself failed, not the flow. */
	public static final String INTERNAL_ERROR = "internal_error";

	/** Every code, as the API documents them. */
	public static final List<String> CODES = List.of(NODE_FAILED, TIMEOUT, CANCELLED, INVALID_TRIGGER, INVALID_FLOW,
			RESULT_TOO_LARGE, RESULT_TOO_DEEP, INTERNAL_ERROR);

}
