package dev.flowgate.deployments.domain.idempotency;

import java.util.Map;

/**
 * A successful answer as it is given again to a repeat.
 *
 * @param status a 2xx
 * @param headers the headers that matter to a client ({@code Location}, {@code ETag},
 * {@code Content-Type}), those the answer had
 * @param body the body's bytes
 */
public record StoredAnswer(int status, Map<String, String> headers, byte[] body) {

	public StoredAnswer {
		headers = Map.copyOf(headers);
	}

	/** Only successful answers are kept: a failed attempt may be sent again as it is. */
	public static boolean keeps(int status) {
		return status >= 200 && status < 300;
	}

}
