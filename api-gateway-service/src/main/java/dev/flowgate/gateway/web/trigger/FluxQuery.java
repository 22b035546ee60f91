package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.internal.QueryText;

/**
 * FluxPrompt's {@code flowId}, read from the query string alone: the servlet's parameters
 * would parse a form body too (not FluxPrompt's, and refused as such), and fail with an
 * exception of their own on a query they cannot decode.
 */
final class FluxQuery {

	private static final String FLOW_ID = "flowId";

	private FluxQuery() {
	}

	/**
	 * The {@code flowId} in the query, or {@code null}.
	 * @throws Rejection (400) when the query names more than one: not a guess at which
	 * was meant
	 */
	static String flowId(String query) {
		if (query == null) {
			return null;
		}
		String flowId = null;
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			if (FLOW_ID.equals(decode(name))) {
				if (flowId != null) {
					throw Rejection.badRequest("The flowId query parameter is given more than once");
				}
				flowId = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			}
		}
		return flowId;
	}

	private static String decode(String text) {
		try {
			return QueryText.decode(text);
		}
		catch (QueryText.Malformed ex) {
			throw Rejection.badRequest("The query string is not valid: " + ex.getMessage());
		}
	}

}
