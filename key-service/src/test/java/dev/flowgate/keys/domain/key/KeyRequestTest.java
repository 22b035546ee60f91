package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.keys.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyRequestTest {

	@Test
	void defaultsToRunScopeAllDeploymentsNoExpiryAndNoLimit() {
		KeyRequest request = KeyRequest.of("ci", null, null, null, null);

		assertThat(request.permissions().scopes()).containsExactly(KeyScope.RUN);
		assertThat(request.permissions().deploymentIds()).isEmpty();
		assertThat(request.permissions().expiresAt()).isNull();
		assertThat(request.permissions().rateLimitPerMinute()).isNull();
	}

	@Test
	void givesTheFirstKeyBothScopes() {
		KeyRequest first = KeyRequest.firstKey();

		assertThat(first.name()).isEqualTo("default");
		assertThat(first.permissions().scopes()).containsExactlyInAnyOrder(KeyScope.RUN, KeyScope.MANAGE);
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> KeyRequest.of("", Set.of(), Set.of(" "), null, 0))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("name", "scopes", "deploymentIds",
					"rateLimitPerMinute"));
	}

	@Test
	void keepsMillisecondPrecisionOfTheExpiry() {
		KeyRequest request = KeyRequest.of("ci", null, null, Instant.parse("2030-01-01T00:00:00.123456789Z"), null);

		assertThat(request.permissions().expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123Z"));
	}

	@Test
	void requiresAName() {
		assertRejected("name", () -> KeyRequest.of(null, null, null, null, null));
		assertRejected("name", () -> KeyRequest.of("  ", null, null, null, null));
		assertRejected("name", () -> KeyRequest.of("x".repeat(KeyRequest.MAX_NAME_LENGTH + 1), null, null, null, null));
	}

	@Test
	void refusesANameThatWouldHideOrReorderWhatListsShow() {
		for (String name : new String[] { "nul\u0000", "red \u001b[31m", "invoice\u202Egnp.exe", "half \uD800" }) {
			assertThatExceptionOfType(InvalidRequestException.class).as(name)
				.isThrownBy(() -> KeyRequest.of(name, null, null, null, null))
				.satisfies((ex) -> assertThat(ex.fields()).containsExactly("name"));
		}
		assertThat(KeyRequest.of("👍".repeat(KeyRequest.MAX_NAME_LENGTH), null, null, null, null).name())
			.hasSize(2 * KeyRequest.MAX_NAME_LENGTH);
	}

	@Test
	void rejectsAnExplicitlyEmptyScopeList() {
		assertRejected("scopes", () -> KeyRequest.of("ci", Set.of(), null, null, null));
		assertRejected("scopes",
				() -> KeyRequest.of("ci", new HashSet<>(Collections.singleton(null)), null, null, null));
	}

	@Test
	void rejectsBlankDeploymentIds() {
		assertRejected("deploymentIds", () -> KeyRequest.of("ci", null, Set.of(" "), null, null));
	}

	@Test
	void limitsHowManyDeploymentsAKeyNames() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < KeyPermissions.MAX_DEPLOYMENT_IDS; i++) {
			ids.add("dep-" + i);
		}
		assertThat(KeyRequest.of("ci", null, ids, null, null).permissions().deploymentIds()).hasSize(ids.size());

		ids.add("one-more");
		assertRejected("deploymentIds", () -> KeyRequest.of("ci", null, ids, null, null));
	}

	@Test
	void requiresAPositiveRateLimit() {
		assertRejected("rateLimitPerMinute", () -> KeyRequest.of("ci", null, null, null, 0));
		assertThat(KeyRequest.of("ci", null, null, null, 1).permissions().rateLimitPerMinute()).isEqualTo(1);
	}

	private static void assertRejected(String field, Runnable creation) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(creation::run)
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly(field));
	}

}
