package dev.flowgate.delivery.domain.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.TestJson;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTest {

	private final List<String> messageKeys = new CopyOnWriteArrayList<>();

	private final EmailChannel channel = new EmailChannel(new TestJson(), (to, message, messageKey) -> {
		this.messageKeys.add(messageKey);
		return CompletableFuture.completedFuture(null);
	}, Long.MAX_VALUE, Runnable::run, Clock.systemUTC());

	@Test
	void sendsTheAttemptsOfOneRoundAsOneMessageAndAReplayAsAnother() {
		this.channel.send(delivery(0, 0)).join();
		this.channel.send(delivery(1, 1)).join();
		this.channel.send(delivery(2, 0)).join();

		assertThat(this.messageKeys).hasSize(3);
		assertThat(this.messageKeys.get(1)).as("a retry").isEqualTo(this.messageKeys.get(0));
		assertThat(this.messageKeys.get(2)).as("after a replay").isNotEqualTo(this.messageKeys.get(0));
		assertThat(this.messageKeys).allSatisfy((key) -> assertThat(key).startsWith("delivery-1."));
	}

	@Test
	void makesTheOutcomeOnTheWorkersNotOnTheThreadThatEndedTheSend() {
		CompletableFuture<Void> smtp = new CompletableFuture<>();
		Queue<Runnable> workers = new ConcurrentLinkedQueue<>();
		EmailChannel channel = new EmailChannel(new TestJson(), (to, message, messageKey) -> smtp, Long.MAX_VALUE,
				workers::add, Clock.systemUTC());
		CompletableFuture<AttemptOutcome> outcome = channel.send(delivery(0, 0));

		// As an SMTP thread, or the JVM's timer thread at the email timeout, would.
		smtp.complete(null);

		assertThat(outcome).isNotDone();
		workers.forEach(Runnable::run);
		assertThat(outcome.join().verdict()).isEqualTo(Verdict.DELIVERED);
	}

	private static Delivery delivery(int attempts, int roundAttempts) {
		return new Delivery("delivery-1", "execution-1", "owner-1", "deployment-1", DeliveryChannel.EMAIL,
				"ops@example.com", EmailChannel.DESTINATION_KEY, Message.email("subject", "text", "<p>html</p>"),
				DeliveryStatus.PENDING, attempts, roundAttempts, Instant.now(), null, Instant.now(), Instant.now(),
				null, null);
	}

}
