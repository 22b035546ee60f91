package dev.flowgate.system.load;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one native trigger call got: an HTTP answer, or a failure at the client (no answer
 * at all).
 *
 * @param target where it was sent
 * @param input the unique {@code text} input, echoed back by the flow
 * @param status the HTTP status, 0 when the call failed at the client
 * @param body the answer's body, or the client failure's description
 * @param retryAfter the answer's {@code Retry-After}, {@code null} without one
 * @param failure the client failure, {@code null} when an answer came
 */
public record TriggerOutcome(TriggerTarget target, String input, Instant sentAt, Instant answeredAt, int status,
		String body, String retryAfter, Throwable failure) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 200 (finished) or 202 (queued): Kafka acknowledged the trigger. */
	public boolean accepted() {
		return this.status == 200 || this.status == 202;
	}

	public boolean unavailable() {
		return this.status == 503;
	}

	/** No TCP connection could be made (the gateway was not listening). */
	public boolean connectionRefused() {
		return this.failure instanceof ConnectException || cause() instanceof ConnectException;
	}

	/** No TCP connection within the client's connect timeout (a starved server). */
	public boolean connectTimedOut() {
		return this.failure instanceof HttpConnectTimeoutException || cause() instanceof HttpConnectTimeoutException;
	}

	/** Connected and sent, but no answer within the client's timeout: the server hung. */
	public boolean timedOut() {
		return !connectTimedOut()
				&& (this.failure instanceof HttpTimeoutException || cause() instanceof HttpTimeoutException);
	}

	public boolean failedAtClient() {
		return this.failure != null;
	}

	public Duration latency() {
		return Duration.between(this.sentAt, this.answeredAt);
	}

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	/** The execution id of an accepted trigger. */
	public String executionId() {
		return json().at("/id").asString();
	}

	/** Whether a finished answer is this call's own result: succeeded, input echoed. */
	public boolean answeredWithOwnResult() {
		JsonNode answer = json();
		return "succeeded".equals(answer.at("/status").asString())
				&& this.input.equals(answer.at("/output_data/echo").asString());
	}

	@Override
	public String toString() {
		String answer = failedAtClient() ? this.failure.toString() : this.status + " " + this.body;
		return this.target.mode() + " " + this.input + " -> " + answer + " after " + latency().toMillis() + " ms";
	}

	private Throwable cause() {
		return (this.failure != null) ? this.failure.getCause() : null;
	}

}
