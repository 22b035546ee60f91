package dev.flowgate.contracts;

/** LLM tokens used. */
public record TokenUsage(long promptTokens, long completionTokens) {

	public static final TokenUsage NONE = new TokenUsage(0, 0);

	public TokenUsage plus(TokenUsage other) {
		return new TokenUsage(this.promptTokens + other.promptTokens, this.completionTokens + other.completionTokens);
	}

}
