package dev.flowgate.runner.domain.node.http;

/**
 * The platform's LLM endpoint.
 *
 * @param baseUrl the OpenAI-compatible server nodes use unless they name another
 * @param apiKey the key sent as a bearer token, only ever to {@code baseUrl}, so a flow
 * cannot make the runner hand it to a server of its choosing
 */
public record LlmSettings(String baseUrl, String apiKey) {

	public LlmSettings {
		baseUrl = withoutTrailingSlash(baseUrl);
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
		return this.baseUrl != null && this.baseUrl.equalsIgnoreCase(withoutTrailingSlash(url));
	}

	static String withoutTrailingSlash(String url) {
		if (url == null) {
			return null;
		}
		String trimmed = url.trim();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	@Override
	public String toString() {
		return "LlmSettings[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "***" : null) + "]";
	}

}
