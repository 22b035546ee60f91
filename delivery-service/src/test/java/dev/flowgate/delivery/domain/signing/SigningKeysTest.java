package dev.flowgate.delivery.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures, checked by the Standard Webhooks reference library. */
class SigningKeysTest {

	private static final String BODY = "{\"type\":\"execution.completed\",\"output_data\":{\"answer\":\"42\"}}";

	private final WebhookSecret current = WebhookSecret.generate(new SecureRandom(), 32);

	private final WebhookSecret previous = WebhookSecret.generate(new SecureRandom(), 32);

	@Test
	void theReferenceLibraryVerifiesOurSignature() throws Exception {
		long now = Instant.now().getEpochSecond();
		String signature = new SigningKeys(this.current, null).sign("msg-1", now, bytes(BODY));

		assertThat(signature).startsWith("v1,").doesNotContain(" ");
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.current.value()).verify(BODY, headers("msg-1", now, signature)));
	}

	@Test
	void matchesTheReferenceLibrarysOwnSignature() throws Exception {
		long timestamp = 1_700_000_000L;

		String ours = new SigningKeys(this.current, null).sign("msg-1", timestamp, bytes(BODY));

		assertThat(ours).isEqualTo(new Webhook(this.current.value()).sign("msg-1", timestamp, BODY));
	}

	@Test
	void aChangedByteOrAStaleTimestampFailsVerification() throws Exception {
		long now = Instant.now().getEpochSecond();
		long stale = now - 301;
		SigningKeys keys = new SigningKeys(this.current, null);
		Webhook webhook = new Webhook(this.current.value());
		String signature = keys.sign("msg-1", now, bytes(BODY));

		assertThatThrownBy(() -> webhook.verify(BODY.replace("42", "43"), headers("msg-1", now, signature)))
			.isInstanceOf(WebhookVerificationException.class);
		assertThatThrownBy(() -> webhook.verify(BODY, headers("msg-2", now, signature)))
			.isInstanceOf(WebhookVerificationException.class);
		assertThatThrownBy(() -> webhook.verify(BODY, headers("msg-1", stale, keys.sign("msg-1", stale, bytes(BODY)))))
			.isInstanceOf(WebhookVerificationException.class)
			.hasMessageContaining("too old");
	}

	@Test
	void signsWithBothSecretsDuringAnOverlap() {
		long now = Instant.now().getEpochSecond();
		String signature = new SigningKeys(this.current, List.of(this.previous)).sign("msg-1", now, bytes(BODY));

		assertThat(signature.split(" ")).hasSize(2);
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.current.value()).verify(BODY, headers("msg-1", now, signature)));
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.previous.value()).verify(BODY, headers("msg-1", now, signature)));
	}

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
				"webhook-signature", List.of(signature));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
