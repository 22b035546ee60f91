package dev.flowgate.delivery.domain.callback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.delivery.domain.TestJson;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.delivery.domain.delivery.Channel.Prepared;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import dev.flowgate.delivery.domain.signing.InMemorySecretStore;
import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.SigningKeys;
import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import dev.flowgate.delivery.domain.signing.WebhookSecretStore;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;
import dev.flowgate.egress.TargetRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackChannelTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration UNREADABLE_SECRET_RETRY = Duration.ofMinutes(5);

	private static final Duration NOT_STARTED_RETRY = Duration.ofMinutes(1);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ErasedOwners erasedOwners = new ErasedOwners(new InMemoryErasedOwnerStore(), Duration.ofSeconds(2),
			this.clock);

	private final WebhookSecrets secrets = new WebhookSecrets(new InMemorySecretStore(), new SecureRandom(),
			new WebhookSecrets.Settings(32, Duration.ZERO, Duration.ofDays(1), Duration.ofSeconds(2)),
			this.erasedOwners, this.clock);

	private final FakePoster poster = new FakePoster();

	private final FakeBreakers breakers = new FakeBreakers();

	private final InMemoryDisabledCallbacks disabled = new InMemoryDisabledCallbacks();

	private final DisabledCallbackService stops = new DisabledCallbackService(this.disabled, this.erasedOwners,
			Duration.ofSeconds(2), this.clock);

	private final CallbackChannel channel = new CallbackChannel(new TestJson(), this.secrets, this.poster,
			this.breakers, this.stops, Runnable::run, UNREADABLE_SECRET_RETRY, NOT_STARTED_RETRY, this.clock);

	@Test
	void signsEachAttemptWithTheOwnersCurrentKeys() {
		Delivery delivery = delivery("https://hooks.example.com/in");

		AttemptOutcome outcome = this.channel.send(delivery).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.DELIVERED);
		Map<String, String> headers = this.poster.headers.get(0);
		SigningKeys keys = this.secrets.keysFor("owner-1");
		assertThat(headers).containsEntry("webhook-id", delivery.id())
			.containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
			.containsEntry("webhook-signature", keys.sign(delivery.id(), NOW.getEpochSecond(),
					delivery.message().body().getBytes(StandardCharsets.UTF_8)));
		assertThat(this.poster.targets.get(0).origin()).isEqualTo("https://hooks.example.com:443");
		assertThat(this.breakers.calls).containsExactly("acquire owner-1 https://hooks.example.com:443",
				"succeeded owner-1 https://hooks.example.com:443");
	}

	@Test
	void putsTheAttemptOffWithoutSendingWhenTheOwnersSecretCannotBeRead() {
		WebhookSecretStore unreadable = new InMemorySecretStore() {
			@Override
			public Optional<OwnerSecret> find(String ownerId) {
				throw new UnreadableSecretException("encrypted with key abcd1234, which is not configured", null);
			}
		};
		CallbackChannel channel = new CallbackChannel(new TestJson(),
				new WebhookSecrets(unreadable, new SecureRandom(),
						new WebhookSecrets.Settings(32, Duration.ZERO, Duration.ofDays(1), Duration.ofSeconds(2)),
						this.erasedOwners, this.clock),
				this.poster, this.breakers, this.stops, Runnable::run, UNREADABLE_SECRET_RETRY, NOT_STARTED_RETRY,
				this.clock);

		AttemptOutcome outcome = channel.send(delivery("https://hooks.example.com/in")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.DEFERRED);
		assertThat(outcome.retryAfter()).isEqualTo(UNREADABLE_SECRET_RETRY);
		assertThat(outcome.error()).startsWith("Cannot sign").doesNotContain("abcd1234");
		assertThat(this.poster.headers).isEmpty();
	}

	@Test
	void putsTheAttemptOffWhileTheDestinationsBreakerIsOpen() {
		this.breakers.open = true;

		AttemptOutcome outcome = this.channel.send(delivery("https://down.example/hook")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.HELD_BACK);
		assertThat(outcome.retryAfter()).isEqualTo(FakeBreakers.OPEN_FOR);
		assertThat(outcome.attempted()).isFalse();
		assertThat(this.poster.targets).isEmpty();
	}

	@Test
	void aGoneAnswerDisablesTheDeploymentsCallbacksToThatUrl() {
		this.poster.status = 410;

		AttemptOutcome outcome = this.channel.send(delivery("https://gone.example/hook")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.PERMANENT);
		assertThat(outcome.error())
			.isEqualTo("HTTP 410 Gone; callbacks of deployment dep-1 to this URL are disabled until enabled");
		assertThat(this.disabled.isDisabled("owner-1", "dep-1", "https://gone.example/hook")).isTrue();
		assertThat(this.disabled.isDisabled("owner-1", "dep-1", "https://other.example/hook")).isFalse();
		assertThat(this.disabled.isDisabled("owner-2", "dep-1", "https://gone.example/hook")).isFalse();
		assertThat(this.breakers.calls).contains("succeeded owner-1 https://gone.example:443");
	}

	@Test
	void skipsDisabledCallbacksWithoutSending() {
		this.disabled.disable(new DisabledCallback("owner-1", "dep-1", "https://x.example/hook", NOW, "410"));

		AttemptOutcome outcome = this.channel.send(delivery("https://x.example/hook")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.SKIPPED);
		assertThat(this.poster.targets).isEmpty();
		assertThat(this.breakers.calls).isEmpty();
	}

	@Test
	void aRefusedTargetDoesNotCountAgainstTheBreaker() {
		this.poster.failure = new TargetRefusedException("Callback host 127.1 is a loopback address");

		AttemptOutcome outcome = this.channel.send(delivery("http://127.1/hook")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.PERMANENT);
		assertThat(this.breakers.calls).containsExactly("acquire owner-1 http://127.1:80",
				"released owner-1 http://127.1:80");
	}

	@Test
	void putsTheAttemptOffWithoutBlamingTheDestinationWhenTooManyLookupsWait() {
		this.poster.failure = new CompletionException(new RejectedExecutionException("lookup queue full"));

		AttemptOutcome outcome = this.channel.send(delivery("https://hooks.example.com/in")).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.DEFERRED);
		assertThat(outcome.attempted()).isFalse();
		assertThat(outcome.retryAfter()).isEqualTo(NOT_STARTED_RETRY);
		assertThat(outcome.error())
			.isEqualTo("Not attempted: too many callback host lookups in progress; tried again later");
		assertThat(this.breakers.calls).containsExactly("acquire owner-1 https://hooks.example.com:443",
				"released owner-1 https://hooks.example.com:443");
	}

	@Test
	void aReplayedDeliveryToAnInvalidUrlFailsAtOnceWithoutSending() {
		String url = "https://hooks.example.com:0/x";
		Prepared refused = this.channel.prepare(result(url)).orElseThrow();

		AttemptOutcome outcome = this.channel.send(delivery(url, refused.destinationKey())).join();

		assertThat(outcome.verdict()).isEqualTo(Verdict.PERMANENT);
		assertThat(outcome.attempted()).isTrue();
		assertThat(outcome.startedAt()).isEqualTo(NOW);
		assertThat(outcome.error()).startsWith(refused.reason())
			.isEqualTo("Invalid port in the callback URL; not sent");
		assertThat(this.poster.targets).isEmpty();
		assertThat(this.breakers.calls).isEmpty();
	}

	@Test
	void preparesTheSignedPayloadOrSaysWhyNot() {
		Prepared ready = this.channel.prepare(result("https://hooks.example.com/in")).orElseThrow();
		Prepared invalid = this.channel.prepare(result("ftp://hooks.example.com/in")).orElseThrow();
		this.stops.disable(new DisabledCallback("owner-1", "dep-1", "https://hooks.example.com/in", NOW, "410"));
		Prepared skipped = this.channel.prepare(result("https://hooks.example.com/in")).orElseThrow();

		assertThat(ready.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(ready.destinationKey()).as("per owner: one owner's failing endpoint holds up no other's")
			.isEqualTo("owner-1 https://hooks.example.com:443");
		assertThat(ready.message().body()).startsWith("{\"type\":\"execution.completed\",\"execution_id\":");
		assertThat(invalid.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(invalid.reason()).isEqualTo("Callback URLs must use http or https");
		assertThat(skipped.status()).isEqualTo(DeliveryStatus.SKIPPED);
		assertThat(this.channel.prepare(result(null))).isEmpty();
	}

	@Test
	void saysInThePayloadWhenTheOwnerAskedToCancel() {
		Instant requestedAt = NOW.minusSeconds(3);

		Prepared cancelled = this.channel
			.prepare(result("https://hooks.example.com/in").withCancelRequestedAt(requestedAt))
			.orElseThrow();

		assertThat(cancelled.message().body()).contains("\"cancel_requested_at\":\"" + requestedAt + "\"");
	}

	private static Delivery delivery(String url) {
		return delivery(url, CallbackChannel.destinationKey("owner-1", CallbackTarget.parse(url)));
	}

	private static Delivery delivery(String url, String destinationKey) {
		return new Delivery(UUID.randomUUID().toString(), "exec-1", "owner-1", "dep-1", DeliveryChannel.CALLBACK, url,
				destinationKey, dev.flowgate.delivery.domain.delivery.Message.callback("{\"a\":1}"),
				DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, NOW, null, null);
	}

	private static ExecutionCompleted result(String callbackUrl) {
		return new ExecutionCompleted(UUID.randomUUID(), 1, NOW, "exec-1", "owner-1", "dep-1", 1,
				ExecutionStatus.SUCCEEDED, Map.of("answer", "42"), null, List.of(), NOW, NOW, 0, TokenUsage.NONE, null,
				new DeliveryTarget(callbackUrl, null, false), null, null, null);
	}

	private static final class FakePoster implements HttpPoster {

		final List<CallbackTarget> targets = new CopyOnWriteArrayList<>();

		final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

		int status = 200;

		Exception failure;

		@Override
		public CompletableFuture<PostResponse> post(CallbackTarget target, Map<String, String> headers, byte[] json) {
			this.targets.add(target);
			this.headers.add(headers);
			return (this.failure != null) ? CompletableFuture.failedFuture(this.failure)
					: CompletableFuture.completedFuture(new PostResponse(this.status, null, null));
		}

	}

	private static final class FakeBreakers implements DestinationBreakers {

		static final Duration OPEN_FOR = Duration.ofSeconds(60);

		final List<String> calls = new ArrayList<>();

		boolean open;

		@Override
		public boolean tryAcquire(String destination) {
			this.calls.add("acquire " + destination);
			return !this.open;
		}

		@Override
		public Duration retryDelay(String destination) {
			return OPEN_FOR;
		}

		@Override
		public void succeeded(String destination, Duration latency) {
			this.calls.add("succeeded " + destination);
		}

		@Override
		public void failed(String destination, Duration latency) {
			this.calls.add("failed " + destination);
		}

		@Override
		public void released(String destination) {
			this.calls.add("released " + destination);
		}

	}

}
