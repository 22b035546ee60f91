package dev.flowgate.egress;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the policy refuses. It is an
 * {@link UnknownHostException} so HTTP clients treat it as a failed resolution and never
 * connect.
 * <p>
 * Its message is what a flow or a callback's owner sees. For a name it reads as the
 * message of a name that does not resolve, so that refusals cannot tell them which
 * internal names exist; {@link #reason()} says why, for operators' logs.
 */
public class TargetRefusedException extends UnknownHostException {

	private final String reason;

	private final boolean name;

	/**
	 * A refused address literal: the message says why, as the caller wrote the address.
	 */
	public TargetRefusedException(String message) {
		this(message, message, false);
	}

	private TargetRefusedException(String message, String reason, boolean name) {
		super(message);
		this.reason = reason;
		this.name = name;
	}

	/**
	 * A refused name.
	 * @param message the words of a name that does not resolve
	 * @param reason why it is refused, for operators' logs only
	 */
	static TargetRefusedException ofName(String message, String reason) {
		return new TargetRefusedException(message, reason, true);
	}

	/** Why the host is refused: for a name, more than the message tells. */
	public String reason() {
		return this.reason;
	}

	/**
	 * Whether the host is a name; callers handle its refusal as they handle a name that
	 * does not resolve, or the way they handle it would tell the name exists.
	 */
	public boolean isName() {
		return this.name;
	}

}
