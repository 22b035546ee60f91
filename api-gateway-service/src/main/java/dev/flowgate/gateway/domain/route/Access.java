package dev.flowgate.gateway.domain.route;

/** What authenticates a management route. */
public enum Access {

	/** The platform admin secret. */
	ADMIN,
	/** An API key with scope {@code run}. */
	RUN,
	/** An API key with scope {@code manage}. */
	MANAGE

}
