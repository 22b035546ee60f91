package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Optional;

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
 * container) are answered as problem details too, never as HTML, and in their own shape
 * on the compatible APIs' paths.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final List<CompatibleErrors> compatibleApis;

	ProblemErrorController(List<CompatibleErrors> compatibleApis) {
		this.compatibleApis = compatibleApis;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null) {
			status = (code == null) ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Optional<CompatibleErrors> api = CompatibleErrors.owning(this.compatibleApis,
				(path instanceof String text) ? text : null);
		if (api.isPresent()) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(api.get().body(status.getReasonPhrase()));
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatus(status));
	}

}
