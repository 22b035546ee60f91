package dev.flowgate.system.journey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks verification, written from delivery-service's documentation the way a
 * receiver would: {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))}.
 */
final class WebhookSignature {

	private static final String SECRET_PREFIX = "whsec_";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	/** Whether the request is fresh and carries a matching {@code v1} signature. */
	static boolean isValid(String secret, Map<String, String> headers, String body) {
		String id = headers.get("webhook-id");
		String timestamp = headers.get("webhook-timestamp");
		String signatures = headers.get("webhook-signature");
		if (id == null || timestamp == null || signatures == null || !isFresh(timestamp)) {
			return false;
		}
		byte[] expected = Base64.getEncoder().encode(hmac(secret, id + "." + timestamp + "." + body));
		for (String candidate : signatures.split(" ")) {
			if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
					candidate.substring("v1,".length()).getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFresh(String timestamp) {
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		return Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) <= 0;
	}

	private static byte[] hmac(String secret, String signed) {
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

}
