package dev.flowgate.gateway.domain;

import java.time.Duration;
import java.util.List;

import dev.flowgate.gateway.domain.input.InputViolation;
import dev.flowgate.gateway.domain.limit.Quota;

/**
 * Why the gateway refuses a request. Each web family (native, aicuflow, FluxPrompt)
 * renders it in its own shape with the status its {@link Reason} maps to.
 */
public final class Rejection extends RuntimeException {

	/** The kinds of refusal, each with one HTTP status. */
	public enum Reason {

		UNAUTHENTICATED, FORBIDDEN,
		/** The owner turned the deployment's API calling off. */
		DEPLOYMENT_DISABLED, NOT_FOUND, BAD_REQUEST, INVALID_INPUT, PAYLOAD_TOO_LARGE, NOT_ACCEPTABLE,
		UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_MISMATCH, RATE_LIMITED, UNAVAILABLE, UPSTREAM_TIMEOUT,
		/**
		 * A service behind the gateway refused the gateway itself: the installation's
		 * fault.
		 */
		UPSTREAM_REFUSED

	}

	private final Reason reason;

	private final Duration retryAfter;

	private final List<InputViolation> violations;

	private final List<FieldViolation> fieldViolations;

	private final List<Quota> quotas;

	private Rejection(Reason reason, String message, Duration retryAfter, List<InputViolation> violations,
			List<FieldViolation> fieldViolations, List<Quota> quotas) {
		// Rejections are expected outcomes, not bugs: no stack trace to fill in.
		super(message, null, false, false);
		this.reason = reason;
		this.retryAfter = retryAfter;
		this.violations = List.copyOf(violations);
		this.fieldViolations = List.copyOf(fieldViolations);
		this.quotas = List.copyOf(quotas);
	}

	public static Rejection of(Reason reason, String message) {
		return new Rejection(reason, message, null, List.of(), List.of(), List.of());
	}

	public static Rejection unauthenticated(String message) {
		return of(Reason.UNAUTHENTICATED, message);
	}

	public static Rejection forbidden(String message) {
		return of(Reason.FORBIDDEN, message);
	}

	public static Rejection deploymentDisabled(String deploymentId) {
		return of(Reason.DEPLOYMENT_DISABLED, "Deployment " + deploymentId + " is disabled");
	}

	public static Rejection notFound(String message) {
		return of(Reason.NOT_FOUND, message);
	}

	public static Rejection badRequest(String message) {
		return of(Reason.BAD_REQUEST, message);
	}

	/** A body that is not JSON, or not an object: a 400 about the body as a whole. */
	public static Rejection invalidBody(String message) {
		return new Rejection(Reason.BAD_REQUEST, message, null, List.of(),
				List.of(new FieldViolation(FieldViolation.BODY, message)), List.of());
	}

	/**
	 * A member of the body not as the API takes it: a 400 with the message
	 * {@code 'field' reason}.
	 */
	public static Rejection invalidField(String field, String reason) {
		return new Rejection(Reason.BAD_REQUEST, "'" + field + "' " + reason, null, List.of(),
				List.of(new FieldViolation(field, reason)), List.of());
	}

	public static Rejection invalidInput(List<InputViolation> violations) {
		return new Rejection(Reason.INVALID_INPUT, InputViolation.describe(violations), null, violations, List.of(),
				List.of());
	}

	public static Rejection rateLimited(String message, Duration retryAfter) {
		return rateLimited(message, retryAfter, null);
	}

	/**
	 * @param quota the used-up limit, or {@code null} for a limit without one
	 */
	public static Rejection rateLimited(String message, Duration retryAfter, Quota quota) {
		return new Rejection(Reason.RATE_LIMITED, message, retryAfter, List.of(), List.of(),
				(quota != null) ? List.of(quota) : List.of());
	}

	public static Rejection unavailable(String message, Duration retryAfter) {
		return new Rejection(Reason.UNAVAILABLE, message, retryAfter, List.of(), List.of(), List.of());
	}

	public Reason reason() {
		return this.reason;
	}

	/** How long the caller should wait before retrying, or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public List<InputViolation> violations() {
		return this.violations;
	}

	/** The members of the body at fault, for a refusal of the body's content. */
	public List<FieldViolation> fieldViolations() {
		return this.fieldViolations;
	}

	/**
	 * The per-minute limits to report: the one used up, or those the call was taken from
	 * before it was refused for another reason.
	 */
	public List<Quota> quotas() {
		return this.quotas;
	}

	/**
	 * This refusal reporting what is left of the limits that apply to the call; one for a
	 * limit (rate or concurrency) reports that limit alone, if any.
	 */
	public Rejection takenFrom(List<Quota> charged) {
		if (this.reason == Reason.RATE_LIMITED || charged.isEmpty()) {
			return this;
		}
		return new Rejection(this.reason, getMessage(), this.retryAfter, this.violations, this.fieldViolations,
				charged);
	}

}
