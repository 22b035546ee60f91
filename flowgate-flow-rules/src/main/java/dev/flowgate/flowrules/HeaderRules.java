package dev.flowgate.flowrules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers a node's request may carry, as an HTTP client library would refuse them:
 * the runner checks each request by them, and deployment-service refuses at save time a
 * flow that would break them on every run.
 */
public final class HeaderRules {

	/** An HTTP token (RFC 9110): what a header name or a method is made of. */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	/** They frame the message, so they belong to the client. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

	private HeaderRules() {
	}

	/** The characters a token may hold, as an error message says it. */
	public static final String TOKEN_CHARACTERS = "letters, digits and !#$%&'*+-.^_`|~";

	public static boolean isToken(String text) {
		return TOKEN.matcher(text).matches();
	}

	/** Whether the client sets this header (any case), never a flow. */
	public static boolean isRestricted(String name) {
		return RESTRICTED.contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether a header value holds CR, LF or NUL, which would split or end the header.
	 */
	public static boolean breaksLine(String value) {
		return value.chars().anyMatch((c) -> c == '\r' || c == '\n' || c == 0);
	}

}
