package dev.flowgate.runner.domain.node.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.node.NodeFailedException;

/**
 * A response read in full (up to the cap).
 *
 * @param headers by name as received, each with its values in order
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

	private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

	private static final int MIN_SUCCESS = 200;

	private static final int MAX_SUCCESS = 299;

	private static final int REQUEST_TIMEOUT = 408;

	private static final int TOO_MANY_REQUESTS = 429;

	private static final int MIN_SERVER_ERROR = 500;

	/** 401, 403 and 407. */
	private static final Set<Integer> CREDENTIAL_REFUSALS = Set.of(401, 403, 407);

	private static final int MAX_QUOTED_CHARS = 300;

	/** Enough of a body for the quote, runs of blanks collapsed. */
	private static final int QUOTED_SCAN_CHARS = 4 * MAX_QUOTED_CHARS;

	public boolean isSuccess() {
		return this.status >= MIN_SUCCESS && this.status <= MAX_SUCCESS;
	}

	/** Whether another attempt may get a different answer: server errors, 408 and 429. */
	public boolean isTransientFailure() {
		return this.status >= MIN_SERVER_ERROR || this.status == REQUEST_TIMEOUT || this.status == TOO_MANY_REQUESTS;
	}

	public String contentType() {
		return this.headers.entrySet()
			.stream()
			.filter((header) -> "content-type".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
			.map((header) -> header.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The failure to report for a status outside 2xx, quoting the start of the body: what
	 * an API says is wrong ({@code "model not found"}) is what the flow's author must
	 * fix. Not for refused credentials, whose answers may echo part of the key.
	 */
	public NodeFailedException failure(String description) {
		String message = "HTTP %d from %s".formatted(this.status, description);
		String quoted = CREDENTIAL_REFUSALS.contains(this.status) ? "" : quote(text());
		if (!quoted.isEmpty()) {
			message += ": " + quoted;
		}
		return isTransientFailure() ? new NodeFailedException(message) : NodeFailedException.permanent(message);
	}

	/**
	 * The start of what a server said, on one line, as errors quote it; only that start
	 * is read.
	 */
	static String quote(String said) {
		String start = said.substring(0, Math.min(said.length(), QUOTED_SCAN_CHARS));
		String line = start.replaceAll("\\s+", " ").strip();
		return (line.length() > MAX_QUOTED_CHARS) ? line.substring(0, MAX_QUOTED_CHARS) + "…" : line;
	}

	public boolean isJson() {
		String type = contentType();
		return type != null && type.toLowerCase(Locale.ROOT).contains("json");
	}

	/** The body decoded with the charset the content type names, UTF-8 by default. */
	public String text() {
		return new String(this.body, charset());
	}

	/** Each header once, lower-case names, repeated values joined with a comma. */
	public Map<String, String> headerMap() {
		Map<String, String> flat = new LinkedHashMap<>();
		this.headers.forEach((name, values) -> flat.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values),
				(earlier, more) -> earlier + ", " + more));
		return flat;
	}

	private Charset charset() {
		String type = contentType();
		Matcher matcher = (type != null) ? CHARSET.matcher(type) : null;
		if (matcher == null || !matcher.find()) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(matcher.group(1));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
