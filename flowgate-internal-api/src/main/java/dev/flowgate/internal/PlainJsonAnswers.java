package dev.flowgate.internal;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An answer that is no problem goes out as {@code application/json} even to a caller that
 * accepts only {@code application/problem+json}: Jackson writes any {@code +json} type
 * asked for, and a 200 labelled a problem would tell clients that read the type that the
 * call failed.
 */
@RestControllerAdvice
class PlainJsonAnswers implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		// A type the controller set itself (ResponseEntity's headers) stands.
		if (!(body instanceof ProblemDetail) && response.getHeaders().getContentType() == null
				&& MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(contentType)) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		return body;
	}

}
