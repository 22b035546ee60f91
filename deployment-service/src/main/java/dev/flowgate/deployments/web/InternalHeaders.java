package dev.flowgate.deployments.web;

/** The headers the gateway adds to every call it forwards (docs/architecture.md). */
final class InternalHeaders {

	static final String TOKEN = "X-Flowgate-Internal-Token";

	static final String OWNER_ID = "X-Flowgate-Owner-Id";

	private InternalHeaders() {
	}

}
