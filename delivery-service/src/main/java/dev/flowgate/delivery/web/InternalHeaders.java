package dev.flowgate.delivery.web;

/** Headers the gateway adds to the calls it forwards (see docs/architecture.md). */
final class InternalHeaders {

	static final String TOKEN = "X-Flowgate-Internal-Token";

	static final String OWNER_ID = "X-Flowgate-Owner-Id";

	private InternalHeaders() {
	}

}
