package dev.flowgate.runner.domain.node.http;

import java.util.Locale;

/**
 * The platform's LLM endpoint.
 *
 * @param baseUrl the OpenAI-compatible server nodes use unless they name another
 * @param apiKey the key sent as a bearer token, only ever to {@code baseUrl}, so a flow
 * cannot make the runner hand it to a server of its choosing
 */
public record LlmSettings(String baseUrl, String apiKey) {

	private static final String API_VERSION = "/v1";

	public LlmSettings {
		baseUrl = canonical(baseUrl);
	}

	/** Whether requests to {@code url} carry the key. */
	public boolean sendsKeyTo(String url) {
		return this.apiKey != null && !this.apiKey.isBlank() && isPlatform(url);
	}

	/**
	 * Whether {@code url} is the platform's own endpoint, which the operator chose and
	 * may be on a private network (a local model server, say).
	 */
	public boolean isPlatform(String url) {
		return this.baseUrl != null && this.baseUrl.equalsIgnoreCase(canonical(url));
	}

	/**
	 * A base URL without a trailing slash or {@code /v1}: servers are named both ways
	 * ({@code https://api.openai.com}, {@code http://localhost:11434/v1}), and the node
	 * adds {@code /v1/chat/completions}.
	 */
	static String canonical(String url) {
		if (url == null) {
			return null;
		}
		String trimmed = url.trim();
		String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		return withoutSlash.toLowerCase(Locale.ROOT).endsWith(API_VERSION)
				? withoutSlash.substring(0, withoutSlash.length() - API_VERSION.length()) : withoutSlash;
	}

	@Override
	public String toString() {
		return "LlmSettings[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "***" : null) + "]";
	}

}
