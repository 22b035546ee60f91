package dev.flowgate.delivery.domain.delivery;

import java.nio.charset.StandardCharsets;

/**
 * What a delivery sends, fixed when it is created so every attempt sends the same bytes.
 *
 * @param subject the email subject, {@code null} for callbacks
 * @param body the callback's JSON or the email's plain text
 * @param html the email's HTML part, {@code null} for callbacks
 */
public record Message(String subject, String body, String html) {

	public static Message callback(String json) {
		return new Message(null, json, null);
	}

	public static Message email(String subject, String text, String html) {
		return new Message(subject, text, html);
	}

	/** The same kind of message without its content: what is kept of one not sent. */
	public Message withoutContent() {
		return new Message(this.subject, "", (this.html != null) ? "" : null);
	}

	/** Bytes sent (UTF-8), for the payload limit. */
	public long size() {
		return length(this.subject) + length(this.body) + length(this.html);
	}

	private static long length(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8).length : 0;
	}

}
