package dev.flowgate.gateway.web.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail of an error raised outside Spring MVC, in a filter or by Tomcat:
 * {@code instance} is the path the client called (not the error page's), and a detail
 * says what the status alone does not.
 */
final class ContainerProblems {

	private final long maxBodyBytes;

	/**
	 * @param maxBodyBytes the largest body the gateway takes, named by a 413
	 */
	ContainerProblems(long maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * @param method the request's method, if known
	 * @param path the path the client called (still encoded), if known
	 */
	ProblemDetail problem(HttpStatus status, String method, String path) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(detail(status, method, path));
		instance(path).ifPresent(problem::setInstance);
		return problem;
	}

	/** The same problem as plain values, for writing without Spring MVC. */
	Map<String, Object> fields(HttpStatus status, String method, String path) {
		ProblemDetail problem = problem(status, method, path);
		Map<String, Object> fields = new LinkedHashMap<>();
		// RFC 9457's default, which ProblemDetail leaves unset.
		fields.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		fields.put("title", problem.getTitle());
		fields.put("status", problem.getStatus());
		putIfPresent(fields, "detail", problem.getDetail());
		putIfPresent(fields, "instance", problem.getInstance());
		return fields;
	}

	private String detail(HttpStatus status, String method, String path) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed: its target, a header or the framing of its body";
			case NOT_FOUND -> (method != null && path != null) ? "No resource at " + method + " " + path : null;
			case METHOD_NOT_ALLOWED -> (method != null) ? "Method '" + method + "' is not supported." : null;
			case CONTENT_TOO_LARGE -> "The request body is larger than " + this.maxBodyBytes + " bytes";
			case URI_TOO_LONG -> "The request target is longer than the gateway reads";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are larger than the gateway reads";
			case INTERNAL_SERVER_ERROR -> "Unexpected error";
			default -> null;
		};
	}

	/**
	 * The path as a URI reference; one that is not valid as it came (a {@code %} not
	 * followed by two hex digits, which only an error answer meets) with its characters
	 * escaped.
	 */
	static Optional<URI> instance(String path) {
		if (path == null || path.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new URI(path));
		}
		catch (URISyntaxException ex) {
			try {
				return Optional.of(new URI(null, null, path, null));
			}
			catch (URISyntaxException escapedToo) {
				return Optional.empty();
			}
		}
	}

	private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value.toString());
		}
	}

}
