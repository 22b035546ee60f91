package dev.flowgate.delivery.domain.delivery;

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

	/**
	 * Whether it holds what is to be sent (every message does), unlike one kept
	 * {@link #withoutContent()}, which must never be sent.
	 */
	public boolean hasContent() {
		return this.body != null && !this.body.isEmpty();
	}

	/**
	 * Bytes sent (UTF-8), for the payload limit and the dispatcher's bytes in flight:
	 * counted, not encoded, as a delivery's size is asked for several times on its way in
	 * and a message may be megabytes.
	 */
	public long size() {
		return length(this.subject) + length(this.body) + length(this.html);
	}

	/** What {@code getBytes(UTF_8)} would give: a lone surrogate becomes one '?'. */
	private static long length(String text) {
		if (text == null) {
			return 0;
		}
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += Character.isSurrogate(c) ? 1 : 3;
			}
		}
		return bytes;
	}

}
