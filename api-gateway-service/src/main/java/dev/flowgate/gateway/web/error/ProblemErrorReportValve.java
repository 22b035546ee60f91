package dev.flowgate.gateway.web.error;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Tomcat's error report for requests it refuses before Spring sees them (a malformed URI,
 * say), as a problem detail about the path called instead of an HTML page (in their own
 * shape on the compatible APIs' paths), readable by the web pages the CORS rules allow:
 * no filter ran for these, so none added the headers.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final CorsConfiguration cors;

	private final List<CompatibleErrors> compatibleApis;

	private final JsonMapper json;

	private final ContainerProblems problems;

	/**
	 * @param cors the gateway's CORS rules, or {@code null} when no origin is allowed
	 * @param compatibleApis whose paths are answered in their own shapes
	 * @param maxBodyBytes the largest body the gateway takes, named by a 413
	 */
	public ProblemErrorReportValve(CorsConfiguration cors, List<CompatibleErrors> compatibleApis, JsonMapper json,
			long maxBodyBytes) {
		this.cors = cors;
		this.compatibleApis = compatibleApis;
		this.json = json;
		this.problems = new ContainerProblems(maxBodyBytes);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < HttpStatus.BAD_REQUEST.value() || response.getContentWritten() > 0
				|| !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		try {
			allowOrigin(request, response);
			String path = request.getRequestURI();
			Optional<CompatibleErrors> api = CompatibleErrors.owning(this.compatibleApis, path);
			response.setContentType(api.isPresent() ? "application/json" : "application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				Object body = api.isPresent() ? api.get().body(title)
						: problem(known, status, request.getMethod(), path);
				writer.write(this.json.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is already committed: nothing to report
			// to.
		}
	}

	private Map<String, Object> problem(HttpStatus known, int status, String method, String path) {
		if (known != null) {
			return this.problems.fields(known, method, path);
		}
		return Map.of("type", "about:blank", "title", "Error", "status", status);
	}

	/**
	 * Only the origin: an error carries none of the headers a page would read. Where
	 * Tomcat could not parse the request line, or a header ahead of {@code Origin}, it
	 * never read the origin: that 400 stays without.
	 */
	private void allowOrigin(Request request, Response response) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String allowed = (this.cors != null && origin != null) ? this.cors.checkOrigin(origin) : null;
		if (allowed != null && response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) == null) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
		}
	}

}
