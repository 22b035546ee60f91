package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyIssuerTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	private static final int KEYS_PER_OWNER = 3;

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, KEYS_PER_OWNER);

	private final InMemoryKeyStore store = this.domain.store();

	private final RecordingPublisher publisher = this.domain.publisher();

	private final InMemoryDeploymentDirectory deployments = this.domain.deployments();

	private final KeyIssuer issuer = this.domain.issuer();

	private final KeyService keys = this.domain.keys();

	@Test
	void refusesAKeyPastTheOwnersLimitUntilOneIsDeleted() {
		String lastId = null;
		for (int i = 0; i < KEYS_PER_OWNER; i++) {
			lastId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();
		}
		this.issuer.issue("owner-2", KeyRequest.firstKey());

		assertThatThrownBy(() -> this.issuer.issue("owner-1", KeyRequest.firstKey()))
			.isInstanceOf(KeyLimitReachedException.class)
			.hasMessage("An owner can have at most 3 keys, active or not; delete the keys no longer used");
		this.keys.delete("owner-1", lastId);
		assertThat(this.issuer.issue("owner-1", KeyRequest.firstKey()).key().ownerId()).isEqualTo("owner-1");
	}

	@Test
	void keepsTheLimitWhenAnotherKeyIsIssuedDuringTheDeploymentCheck() {
		for (int i = 0; i < KEYS_PER_OWNER - 1; i++) {
			this.issuer.issue("owner-1", KeyRequest.firstKey());
		}
		this.deployments.add("owner-1", "d-1");
		this.deployments.whileNextAsked(() -> this.issuer.issue("owner-1", KeyRequest.firstKey()));

		assertThatThrownBy(() -> this.issuer.issue("owner-1",
				KeyRequest.of("scoped", Set.of(KeyScope.RUN), Set.of("d-1"), null, null)))
			.isInstanceOf(KeyLimitReachedException.class);
		assertThat(listed("owner-1")).hasSize(KEYS_PER_OWNER)
			.noneSatisfy((key) -> assertThat(key.name()).isEqualTo("scoped"));
	}

	@Test
	void storesAndPublishesANewKeyAtOnce() {
		IssuedKey issued = this.issuer.issue("owner-1", KeyRequest.firstKey());

		assertThat(this.store.stored(issued.key().id())).isEqualTo(issued.key());
		assertThat(issued.key().credential().secretHash()).isEqualTo(issued.secret().hash());
		assertThat(issued.key().createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
		assertThat(this.publisher.sent()).containsExactly(issued.key());
		assertThat(this.store.publishedVersion(issued.key().id())).isEqualTo(1);
	}

	@Test
	void scopesAKeyToDeploymentsTheOwnerHas() {
		this.deployments.add("owner-1", "dep-1");
		this.deployments.add("owner-1", "dep-2");

		IssuedKey issued = this.issuer.issue("owner-1", scopedTo("dep-1", "dep-2"));

		assertThat(this.store.stored(issued.key().id()).permissions().deploymentIds())
			.containsExactlyInAnyOrder("dep-1", "dep-2");
		assertThat(this.publisher.sent()).containsExactly(issued.key());
	}

	@Test
	void refusesAKeyScopedToADeploymentTheOwnerDoesNotHave() {
		this.deployments.add("owner-1", "dep-1");
		this.deployments.add("owner-2", "dep-of-owner-2");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.issuer.issue("owner-1", scopedTo("dep-1", "typo", "dep-of-owner-2")))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("deploymentIds"))
			.withMessageEndingWith("names no deployment of yours: dep-of-owner-2, typo");
		assertThat(listed("owner-1")).isEmpty();
		assertThat(this.publisher.sent()).isEmpty();
	}

	@Test
	void refusesAScopedKeyWhileDeploymentsCannotBeChecked() {
		this.deployments.makeUnavailable();

		assertThatExceptionOfType(DeploymentDirectoryUnavailableException.class)
			.isThrownBy(() -> this.issuer.issue("owner-1", scopedTo("dep-1")));
		assertThat(listed("owner-1")).isEmpty();
	}

	@Test
	void issuesAnUnscopedKeyWithoutAskingAboutDeployments() {
		this.deployments.makeUnavailable();

		this.issuer.issue("owner-1", KeyRequest.of("all", null, null, null, null));

		assertThat(this.deployments.asked()).isEmpty();
		assertThat(listed("owner-1")).hasSize(1);
	}

	@Test
	void boundsAKeyMadeWithAnExpiringLimitedKeyByThatKeysExpiryAndLimit() {
		Instant contractEnd = NOW.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		String contractorId = contractorKey(contractEnd, 10);

		ApiKey inherited = this.issuer.issue("owner-1", KeyRequest.of("ci", null, null, null, null), contractorId)
			.key();

		assertThat(inherited.permissions().expiresAt()).isEqualTo(contractEnd);
		assertThat(inherited.permissions().rateLimitPerMinute()).isEqualTo(10);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.issuer.issue("owner-1",
					KeyRequest.of("later", null, null, contractEnd.plusMillis(1), null), contractorId))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("expiresAt"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.issuer.issue("owner-1", KeyRequest.of("faster", null, null, null, 11), contractorId))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("rateLimitPerMinute"));
		assertThat(listed("owner-1")).extracting(ApiKey::name).containsExactlyInAnyOrder("contractor", "ci");
	}

	@Test
	void refusesAKeyMadeWithAKeyThatIsGone() {
		String goneId = contractorKey(null, null);
		this.keys.delete("owner-1", goneId);

		assertThatExceptionOfType(CallingKeyNotFoundException.class)
			.isThrownBy(() -> this.issuer.issue("owner-1", KeyRequest.firstKey(), goneId));
		assertThat(listed("owner-1")).isEmpty();
	}

	private List<ApiKey> listed(String ownerId) {
		return this.keys.list(ownerId, null, null).items();
	}

	private String contractorKey(Instant expiresAt, Integer rateLimitPerMinute) {
		return this.issuer
			.issue("owner-1", KeyRequest.of("contractor", Set.of(KeyScope.MANAGE), null, expiresAt, rateLimitPerMinute))
			.key()
			.id();
	}

	private static KeyRequest scopedTo(String... deploymentIds) {
		return KeyRequest.of("scoped", Set.of(KeyScope.RUN), Set.of(deploymentIds), null, null);
	}

}
