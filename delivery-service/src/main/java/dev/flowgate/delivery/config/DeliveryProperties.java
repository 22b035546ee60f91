package dev.flowgate.delivery.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How results are delivered.
 *
 * @param consumerGroup the Kafka consumer group reading results
 */
@ConfigurationProperties("flowgate.delivery")
public record DeliveryProperties(String consumerGroup, Callback callback, Retry retry, Dispatch dispatch, Guard guard,
		Email email, Secrets secrets, Retention retention) {

	/**
	 * @param timeout the most one callback attempt may take, connecting included
	 * @param connectTimeout the most connecting may take
	 * @param maxPayloadSize larger results are not sent
	 * @param responseSnippetLimit how much of a response body the attempt log keeps
	 * @param bodyWait how long an attempt waits for the rest of a response body once the
	 * status is in; a body that streams on or stalls cannot turn an answer into a timeout
	 * @param userAgent sent with every callback
	 * @param cacheTtl how long signing secrets, disabled callbacks and deleted owners
	 * read for sending are used without reading them again: how late another instance's
	 * rotation, 410 stop or erasure of an owner may take effect here (this instance's own
	 * apply at once)
	 * @param breakerIdleAfter how long a destination's closed circuit breaker is kept
	 * after its last call (one breaker per origin ever called would stay otherwise)
	 * @param lookupThreads threads that look callback hosts up; a host whose nameserver
	 * does not answer holds one of them until the JVM's lookup gives up
	 * @param lookupQueue lookups that may wait for one of those threads; one more is not
	 * queued behind them (nor behind a flood of names that never resolve): its attempt is
	 * put off. A lookup whose attempts all ended (at their timeout) leaves the queue.
	 * @param maxIdle how long a kept-alive connection may stay unused (closed after one
	 * to two times this); below the idle timeouts of NATs and load balancers on the way
	 */
	public record Callback(Duration timeout, Duration connectTimeout, DataSize maxPayloadSize,
			DataSize responseSnippetLimit, Duration bodyWait, String userAgent, Duration cacheTtl,
			Duration breakerIdleAfter, int lookupThreads, int lookupQueue, Duration maxIdle) {

		public Callback {
			requirePositive(breakerIdleAfter, "flowgate.delivery.callback.breaker-idle-after");
		}

	}

	/**
	 * @param schedule the delay before each attempt (Standard Webhooks: 0, 5 s, 5 min, 30
	 * min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h)
	 * @param jitter the fraction each delay may move either way; a delivery put off by an
	 * open circuit breaker waits up to this fraction longer than the breaker's wait
	 * @param afterThrottling the least wait after a timeout or a 429
	 * @param maxRetryAfter the most a receiver's {@code Retry-After} can make us wait
	 * @param afterError how long a delivery waits, without counting an attempt, when its
	 * attempt could not be made for an unexpected error (a bug, the store unreachable),
	 * or as too many callback host lookups were waiting
	 */
	public record Retry(List<Duration> schedule, double jitter, Duration afterThrottling, Duration maxRetryAfter,
			Duration afterError) {
	}

	/**
	 * @param maxInFlight attempts in flight at once
	 * @param maxInFlightPerDestination of those, to one destination (one owner's scheme,
	 * host and port); the connection pool does not limit a receiver shared by owners
	 * further
	 * @param maxInFlightBytes the bytes of their messages, with those claimed ahead; one
	 * message larger than this is sent alone
	 * @param workerThreads threads for the store work around attempts
	 * @param pollInterval how often due deliveries are claimed
	 * @param lease how long a claim holds; must exceed the callback and email timeouts
	 * @param shutdownGrace how long shutdown waits for attempts in flight
	 * @param failureRepublishInterval how often unpublished {@code DeliveryFailed} events
	 * are retried
	 * @param failureRepublishBatch events per republishing round
	 */
	public record Dispatch(int maxInFlight, int maxInFlightPerDestination, DataSize maxInFlightBytes, int workerThreads,
			Duration pollInterval, Duration lease, Duration shutdownGrace, Duration failureRepublishInterval,
			int failureRepublishBatch) {

		public Dispatch {
			requirePositive(pollInterval, "flowgate.delivery.dispatch.poll-interval");
			requirePositive(failureRepublishInterval, "flowgate.delivery.dispatch.failure-republish-interval");
		}

	}

	/**
	 * @param allowedCidrs blocked ranges that callbacks may reach anyway (the local stack
	 * allows loopback); empty in production
	 */
	public record Guard(List<String> allowedCidrs) {

		public Guard {
			allowedCidrs = (allowedCidrs != null) ? List.copyOf(allowedCidrs) : List.of();
		}

	}

	/**
	 * @param from the sender address
	 * @param threads concurrent SMTP sends
	 * @param timeout the most one email attempt may take, waiting for an SMTP thread
	 * included; a message still waiting then is not sent in that attempt
	 */
	public record Email(String from, int threads, Duration timeout) {
	}

	/**
	 * @param keyBytes random bytes per signing secret (at least 24)
	 * @param defaultRotationOverlap how long the previous secret keeps signing after a
	 * rotation that names no overlap
	 * @param maxRotationOverlap the longest overlap an owner may ask for
	 * @param encryptionKeys AES-256 keys (32 bytes, base64) that encrypt the secrets at
	 * rest: the first encrypts, all decrypt. Empty stores them in plain text (with a
	 * warning at start).
	 * @param unreadableRetry how long callbacks of an owner whose secret cannot be read
	 * (its key is not configured) wait before they are tried again
	 */
	public record Secrets(int keyBytes, Duration defaultRotationOverlap, Duration maxRotationOverlap,
			List<String> encryptionKeys, Duration unreadableRetry) {

		public Secrets {
			encryptionKeys = (encryptionKeys != null) ? List.copyOf(encryptionKeys) : List.of();
		}

	}

	/**
	 * @param keep how long finished deliveries and their attempts are kept
	 * @param sweepInterval how often older ones are deleted
	 * @param attemptsPerDelivery the most recent attempts kept in a delivery's log (ten
	 * rounds of the default schedule)
	 */
	public record Retention(Duration keep, Duration sweepInterval, int attemptsPerDelivery) {

		public Retention {
			requirePositive(sweepInterval, "flowgate.delivery.retention.sweep-interval");
		}

	}

	// A scheduler refuses a pause of zero or less: said here, at start, with the name.
	private static void requirePositive(Duration interval, String property) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(property + " must be a duration longer than zero, not " + interval);
		}
	}

}
