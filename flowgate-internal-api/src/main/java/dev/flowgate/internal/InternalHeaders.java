package dev.flowgate.internal;

/**
 * The headers the gateway adds to every call it forwards (docs/architecture.md). The
 * gateway strips them from what callers send.
 */
public final class InternalHeaders {

	/** The shared secret that proves the call comes from the gateway. */
	public static final String TOKEN = "X-Flowgate-Internal-Token";

	/** The owner the gateway authenticated. */
	public static final String OWNER_ID = "X-Flowgate-Owner-Id";

	/** The API key the call was made with, where it was made with one. */
	public static final String KEY_ID = "X-Flowgate-Key-Id";

	/**
	 * {@code previous} when the key authenticated with the secret a rotation replaced,
	 * during its grace period: a rotation of that key by itself then keeps that secret,
	 * the one its caller holds.
	 */
	public static final String KEY_SECRET = "X-Flowgate-Key-Secret";

	/** The value of {@link #KEY_SECRET} for the replaced secret. */
	public static final String PREVIOUS_SECRET = "previous";

	/** {@code true} for a caller with the admin secret. */
	public static final String ADMIN = "X-Flowgate-Admin";

	/**
	 * {@code true} on an execution lookup that wants what is recorded now, without
	 * waiting for the triggers Kafka already holds to be recorded (the gateway's
	 * idempotency check: it must not add that wait to every new key).
	 */
	public static final String RECORDED_ONLY = "X-Flowgate-Recorded-Only";

	private InternalHeaders() {
	}

}
