package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Optional;

import dev.flowgate.gateway.config.GatewayProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: errors raised outside Spring MVC (in filters or the servlet
 * container) are answered as problem details too, never as HTML, about the path the
 * client called, and in their own shape on the compatible APIs' paths.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final List<CompatibleErrors> compatibleApis;

	private final ContainerProblems problems;

	ProblemErrorController(List<CompatibleErrors> compatibleApis, GatewayProperties properties) {
		this.compatibleApis = compatibleApis;
		this.problems = new ContainerProblems(properties.maxBodySize().toBytes());
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null) {
			status = (code == null) ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// The path called: the request's own is the error page's.
		String path = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String text) ? text : null;
		// An error dispatch is a GET (Servlet 6.1); the method called is kept beside it.
		String method = (request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String called) ? called
				: request.getMethod();
		ProblemDetail problem = this.problems.problem(status, method, path);
		Optional<CompatibleErrors> api = CompatibleErrors.owning(this.compatibleApis, path);
		if (api.isPresent()) {
			// A client's own fault is explained; the server's stays its status.
			String message = (status.is4xxClientError() && problem.getDetail() != null) ? problem.getDetail()
					: status.getReasonPhrase();
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(api.get().body(message));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
