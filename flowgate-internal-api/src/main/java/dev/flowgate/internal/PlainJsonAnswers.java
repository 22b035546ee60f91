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
 * An answer that is no problem goes out as {@code application/json} whatever other
 * {@code +json} type the caller asked for: Jackson writes any it is asked, and a 200
 * labelled {@code application/problem+json} would tell clients that read the type that
 * the call failed, one labelled a vendor's type would slip past the gateway's checks of
 * JSON answers.
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
				&& isOtherJson(contentType)) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		return body;
	}

	/**
	 * {@code application/problem+json}, {@code application/vnd.x+json}: not plain JSON.
	 */
	private static boolean isOtherJson(MediaType type) {
		return type != null && "json".equals(type.getSubtypeSuffix());
	}

}
