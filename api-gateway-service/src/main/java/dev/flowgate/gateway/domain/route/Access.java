package dev.flowgate.gateway.domain.route;

/** What authenticates a management route. */
public enum Access {

	/** The platform admin secret. */
	ADMIN,
	/**
	 * An API key with scope {@code run}, or {@code manage}: the system that triggered an
	 * execution polls and cancels it, and the owner's tools, which list executions, too.
	 */
	RUN,
	/** An API key with scope {@code manage}. */
	MANAGE

}
