package dev.flowgate.infra;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of {@code GET /messages}. Written by hand: the launcher that runs the local
 * stack keeps Jackson off its classpath.
 */
final class MailJson {

	private static final int FIRST_PRINTABLE = 0x20;

	private MailJson() {
	}

	static String toJson(List<ReceivedMail> mails) {
		return mails.stream().map(MailJson::toJson).collect(Collectors.joining(",", "[", "]"));
	}

	private static String toJson(ReceivedMail mail) {
		String to = mail.to().stream().map(MailJson::string).collect(Collectors.joining(",", "[", "]"));
		return "{\"from\":" + string(mail.from()) + ",\"to\":" + to + ",\"subject\":" + string(mail.subject())
				+ ",\"text\":" + string(mail.text()) + ",\"html\":" + string(mail.html()) + ",\"receivedAt\":"
				+ string(mail.receivedAt().toString()) + "}";
	}

	static String string(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> json.append((c < FIRST_PRINTABLE) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return json.append('"').toString();
	}

}
