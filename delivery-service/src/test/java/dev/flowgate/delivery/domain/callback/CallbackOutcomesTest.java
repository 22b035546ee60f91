package dev.flowgate.delivery.domain.callback;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.egress.AddressPolicy;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.TargetRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CallbackOutcomesTest {

	private static final Instant STARTED = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration LATENCY = Duration.ofMillis(40);

	@ParameterizedTest
	@ValueSource(ints = { 200, 201, 202, 204, 299 })
	void anyTwoHundredIsDelivered(int status) {
		AttemptOutcome outcome = answered(status, null);

		assertThat(outcome.verdict()).isEqualTo(Verdict.DELIVERED);
		assertThat(outcome.error()).isNull();
		assertThat(CallbackOutcomes.isUnhealthy(outcome)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 307, 308 })
	void aRedirectIsAFailureToRetry(int status) {
		AttemptOutcome outcome = answered(status, null);

		assertThat(outcome.verdict()).isEqualTo(Verdict.RETRYABLE);
		assertThat(outcome.error()).isEqualTo("HTTP " + status + ": redirects are not followed");
	}

	@Test
	void goneStopsTheDelivery() {
		assertThat(answered(410, null).verdict()).isEqualTo(Verdict.PERMANENT);
		assertThat(CallbackOutcomes.isRefused(answered(410, null))).isFalse();
	}

	@Test
	void tooManyRequestsIsThrottlingAndKeepsRetryAfter() {
		AttemptOutcome outcome = answered(429, "7");

		assertThat(outcome.verdict()).isEqualTo(Verdict.THROTTLED);
		assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(CallbackOutcomes.isUnhealthy(outcome)).isTrue();
	}

	@Test
	void onlyServerSideFailuresCountAgainstTheDestination() {
		assertThat(CallbackOutcomes.isUnhealthy(answered(503, null))).isTrue();
		assertThat(CallbackOutcomes.isUnhealthy(answered(408, null))).isTrue();
		assertThat(CallbackOutcomes.isUnhealthy(answered(404, null))).isFalse();
		assertThat(CallbackOutcomes.isUnhealthy(answered(400, null))).isFalse();
	}

	@Test
	void aRefusedTargetStopsWithoutCounting() {
		AttemptOutcome outcome = failedWith(
				new CompletionException(new TargetRefusedException("Callback host 127.1 is a loopback address")));

		assertThat(outcome.verdict()).isEqualTo(Verdict.PERMANENT);
		assertThat(outcome.error()).isEqualTo("Refused: Callback host 127.1 is a loopback address; not retried");
		assertThat(CallbackOutcomes.isRefused(outcome)).isTrue();
	}

	/**
	 * The owner sees the outcome: a refused name that stopped at once, while an unknown
	 * one is retried, would tell which internal names exist.
	 */
	@Test
	void aRefusedNameFailsAsAnUnknownNameDoes() {
		DestinationGuard guard = new DestinationGuard((host) -> {
			if (host.equals("internal.example")) {
				return List.of(InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 5 }));
			}
			throw new UnknownHostException(host + ": Name or service not known");
		}, new AddressPolicy(List.of()), "Callback host");

		AttemptOutcome refused = failedWith(
				new CompletionException(catchThrowable(() -> guard.resolve("internal.example"))));
		AttemptOutcome unknown = failedWith(
				new CompletionException(catchThrowable(() -> guard.resolve("unknown.example"))));

		assertThat(refused).usingRecursiveComparison().ignoringFields("error").isEqualTo(unknown);
		assertThat(refused.error()).isEqualTo(unknown.error().replace("unknown.example", "internal.example"))
			.isEqualTo("Request failed: Callback host internal.example resolves to no allowed address "
					+ "(unknown name, or a refused range)");
		assertThat(refused.verdict()).isEqualTo(Verdict.RETRYABLE);
		assertThat(CallbackOutcomes.isRefused(refused)).isFalse();
	}

	@Test
	void aTimeoutIsThrottling() {
		assertThat(failedWith(new TimeoutException("no response within 15000 ms")).error())
			.isEqualTo("Timed out: no response within 15000 ms");
		assertThat(failedWith(new CompletionException(new SocketTimeoutException("read"))).verdict())
			.isEqualTo(Verdict.THROTTLED);
	}

	@Test
	void aConnectionFailureIsRetriedAndCountsAgainstTheDestination() {
		AttemptOutcome outcome = failedWith(new IOException("wrapped", new ConnectException("Connection refused")));

		assertThat(outcome.verdict()).isEqualTo(Verdict.RETRYABLE);
		assertThat(outcome.error()).isEqualTo("Request failed: Connection refused");
		assertThat(outcome.statusCode()).isNull();
		assertThat(CallbackOutcomes.isUnhealthy(outcome)).isTrue();
	}

	@Test
	void keepsTheResponseSnippet() {
		AttemptOutcome outcome = CallbackOutcomes.of(new PostResponse(500, null, "stack trace"), null, STARTED,
				LATENCY);

		assertThat(outcome.responseSnippet()).isEqualTo("stack trace");
		assertThat(outcome.latency()).isEqualTo(LATENCY);
		assertThat(outcome.startedAt()).isEqualTo(STARTED);
	}

	private static AttemptOutcome answered(int status, String retryAfter) {
		return CallbackOutcomes.of(new PostResponse(status, retryAfter, null), null, STARTED, LATENCY);
	}

	private static AttemptOutcome failedWith(Throwable failure) {
		return CallbackOutcomes.of(null, failure, STARTED, LATENCY);
	}

}
