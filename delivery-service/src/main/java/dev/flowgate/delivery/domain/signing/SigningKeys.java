package dev.flowgate.delivery.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets an owner's webhooks are signed with right now: the current one and the
 * earlier ones whose rotation's overlap has not ended.
 *
 * @param previous newest first; empty outside a rotation's overlap
 */
public record SigningKeys(WebhookSecret current, List<WebhookSecret> previous) {

	public SigningKeys {
		previous = (previous != null) ? List.copyOf(previous) : List.of();
	}

	private static final String ALGORITHM = "HmacSHA256";

	private static final String VERSION = "v1,";

	/**
	 * The {@code webhook-signature} header value: {@code v1,<base64 HMAC-SHA256>} of
	 * {@code id.timestamp.body} for each secret, space-separated, the current one first.
	 */
	public String sign(String messageId, long timestamp, byte[] body) {
		byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		return secrets().stream()
			.map((secret) -> VERSION + Base64.getEncoder().encodeToString(hmac(secret.key(), prefix, body)))
			.collect(Collectors.joining(" "));
	}

	private List<WebhookSecret> secrets() {
		List<WebhookSecret> secrets = new ArrayList<>();
		secrets.add(this.current);
		secrets.addAll(this.previous);
		return secrets;
	}

	private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JVM has " + ALGORITHM, ex);
		}
	}

}
