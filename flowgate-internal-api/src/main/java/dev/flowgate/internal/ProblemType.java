package dev.flowgate.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types (RFC 9457 {@code type}) of answers whose status alone does not say
 * what went wrong, or that carry members of their own: several 409s and 422s, a disabled
 * deployment's 403, and the 400 listing {@code errors}. Any other problem is
 * {@code about:blank}: its status says it all. A type is a path on the gateway
 * ({@code /problems/limit-reached}), which answers it with a page describing the problem,
 * so clients can tell the problems apart by it rather than by their titles.
 */
public enum ProblemType {

	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request",
			"The request's content is invalid: `errors` lists each member at fault as `{field, message}` "
					+ "(`field` is a JSON path into the body, `input_data.<name>` for a trigger's inputs, "
					+ "or empty when the body as a whole is at fault). Correct the request and send it again."),

	DEPLOYMENT_DISABLED("deployment-disabled", HttpStatus.FORBIDDEN, "Deployment disabled",
			"The deployment's owner turned its API calling off (`enabled: false`): calls are refused, whatever "
					+ "the key, until the owner turns it on again. Not a fault of the call or its key."),

	CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT, "Concurrent change",
			"Another request changed the same resource at the same moment, and this one was not applied. "
					+ "Send it again (after `Retry-After` seconds where given)."),

	LIMIT_REACHED("limit-reached", HttpStatus.CONFLICT, "Limit reached",
			"The owner has as many of these resources (deployments, keys) as one may have. Delete one "
					+ "first; the limit is the installation's, see `detail`."),

	IN_USE("in-use", HttpStatus.CONFLICT, "In use",
			"The resource is used by another one and cannot be deleted: a flow by a deployment. Delete "
					+ "the resource that uses it first."),

	ALREADY_FINISHED("already-finished", HttpStatus.CONFLICT, "Already finished",
			"The execution has already finished, so it cannot be cancelled any more; its result stands."),

	NOT_REPLAYABLE("not-replayable", HttpStatus.CONFLICT, "Not replayable",
			"The execution cannot be replayed: its inputs are not recorded yet (try again shortly), they "
					+ "were too large to store, or its deployment is disabled or deleted. `detail` says which."),

	DELIVERY_PENDING("delivery-pending", HttpStatus.CONFLICT, "Delivery still scheduled",
			"The delivery is still scheduled for another attempt; only a delivery that has failed for good "
					+ "can be retried by hand."),

	PAYLOAD_NOT_KEPT("payload-not-kept", HttpStatus.CONFLICT, "Payload not kept",
			"The delivery was never sent: its message exceeded the size limit and was not kept, so it "
					+ "cannot be sent by hand either. Make the flow's result smaller, or raise the limit."),

	INVALID_FLOW("invalid-flow", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid flow",
			"The flow cannot be saved: `errors` lists every problem found as `{nodeId, field, message}` "
					+ "(`nodeId` null for the flow as a whole, `field` where one member of the body is at fault)."),

	INPUTS_NOT_ACCEPTED("inputs-not-accepted", HttpStatus.UNPROCESSABLE_CONTENT, "Inputs not accepted",
			"The execution's recorded inputs do not fit the flow version its deployment runs now, so a replay "
					+ "would not run: `errors` lists each input at fault as `{field, message}`."),

	IDEMPOTENCY_MISMATCH("idempotency-mismatch", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
			"The `Idempotency-Key` was sent before, within 24 hours, with another request: another body (on "
					+ "a trigger also another deployment or `callback_url`; on the management API another method or "
					+ "path). Use a new key for a new request, or send the first request again to get its answer.");

	/** Where the gateway serves the types' pages. */
	public static final String PATH = "/problems/";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	private final String description;

	ProblemType(String slug, HttpStatus status, String title, String description) {
		this.slug = slug;
		this.status = status;
		this.title = title;
		this.description = description;
	}

	/** The type with this last path segment, if there is one. */
	public static Optional<ProblemType> ofSlug(String slug) {
		return Arrays.stream(values()).filter((type) -> type.slug.equals(slug)).findFirst();
	}

	public String slug() {
		return this.slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** What the problem means and what to do about it, in Markdown's inline code. */
	public String description() {
		return this.description;
	}

	/** The {@code type}: a path, resolved against the gateway the answer came from. */
	public URI uri() {
		return URI.create(PATH + this.slug);
	}

	/** Problem details of this type, with its status and title. */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(uri());
		problem.setTitle(this.title);
		return problem;
	}

}
