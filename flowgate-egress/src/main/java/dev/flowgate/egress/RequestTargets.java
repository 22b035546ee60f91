package dev.flowgate.egress;

import java.net.URI;

/** The request line's target for a URL: what outbound calls send. */
public final class RequestTargets {

	private RequestTargets() {
	}

	/**
	 * The path and query as written (still encoded), {@code /} for an empty path; the
	 * fragment stays with the client, as browsers keep it.
	 */
	public static String pathAndQuery(URI uri) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

}
