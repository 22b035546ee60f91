package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flowgate.contracts.DeliveryChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyClaimsTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final ReadyClaims ready = new ReadyClaims(
			new AttemptTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)));

	@Test
	void handsOutClaimsPerDestinationInTheOrderTheyWereLeased() {
		this.ready.add(claim("a1", "https://a.example", NOW));
		this.ready.add(claim("b1", "https://b.example", NOW));
		this.ready.add(claim("a2", "https://a.example", NOW));
		List<ReservedClaim> stale = new ArrayList<>();

		assertThat(this.ready.next("https://a.example", NOW, stale).claim().delivery().id()).isEqualTo("a1");
		assertThat(this.ready.next("https://a.example", NOW, stale).claim().delivery().id()).isEqualTo("a2");
		assertThat(this.ready.next("https://a.example", NOW, stale)).isNull();
		assertThat(stale).isEmpty();
		assertThat(this.ready.drain()).extracting((reserved) -> reserved.claim().delivery().id()).containsExactly("b1");
	}

	@Test
	void aClaimLeasedTooLongAgoIsGivenBackNotHandedOut() {
		this.ready.add(claim("a1", "https://a.example", NOW));
		this.ready.add(claim("a2", "https://a.example", NOW.plusSeconds(30)));
		List<ReservedClaim> stale = new ArrayList<>();

		ReservedClaim next = this.ready.next("https://a.example", NOW.plusSeconds(60), stale);

		assertThat(next.claim().delivery().id()).isEqualTo("a2");
		assertThat(stale).extracting((reserved) -> reserved.claim().delivery().id()).containsExactly("a1");
	}

	@Test
	void keepsAClaimFreshWhileAnAttemptOnItsOwnChannelFitsItsLease() {
		ReadyClaims ready = new ReadyClaims(new AttemptTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(90)));
		ready.add(claim("c1", DeliveryChannel.CALLBACK, "https://c.example", NOW));
		ready.add(claim("e1", DeliveryChannel.EMAIL, "email", NOW));
		List<ReservedClaim> stale = new ArrayList<>();
		// 60 s left: room for a callback's 15 s, not for an email's 90 s.
		Instant later = NOW.plus(LEASE).minusSeconds(60);

		assertThat(ready.next("https://c.example", later, stale)).isNotNull();
		assertThat(ready.next("email", later, stale)).isNull();
		assertThat(stale).extracting((reserved) -> reserved.claim().delivery().id()).containsExactly("e1");
	}

	private static ReservedClaim claim(String id, String destination, Instant leasedAt) {
		return claim(id, DeliveryChannel.CALLBACK, destination, leasedAt);
	}

	private static ReservedClaim claim(String id, DeliveryChannel channel, String destination, Instant leasedAt) {
		return new ReservedClaim(new Claim(
				new Delivery(id, "exec-" + id, "owner-1", "dep-1", channel, destination + "/hook", destination,
						Message.callback("{}"), DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, NOW, null, null),
				"token-" + id, leasedAt.plus(LEASE)), 2);
	}

}
