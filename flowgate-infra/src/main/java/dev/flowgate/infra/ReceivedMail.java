package dev.flowgate.infra;

import java.time.Instant;
import java.util.List;

/**
 * A mail the embedded SMTP server received.
 *
 * @param text the text/plain body, or {@code null}
 * @param html the text/html body, or {@code null}
 */
public record ReceivedMail(String from, List<String> to, String subject, String text, String html, Instant receivedAt) {

	public ReceivedMail {
		to = List.copyOf(to);
	}

}
