package dev.flowgate.gateway.web;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.internal.QueryText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a native or management call whose query string does not decode
 * ({@link QueryText}) with the native 400 naming the parameter, before it is triggered or
 * forwarded: passed on, it failed in the gateway's forwarding or in the service with a
 * 500. The compatible APIs are left to their controllers: aicuflow's reads no query,
 * FluxPrompt's answers in its own words.
 */
@Component
class QueryStringGuard implements HandlerInterceptor, WebMvcConfigurer {

	private static final String NATIVE_PATHS = "/v1/**";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(NATIVE_PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query != null) {
			try {
				QueryText.parameterNames(query);
			}
			catch (QueryText.Malformed ex) {
				throw Rejection.invalidField(ex.parameter(), "is not valid in the query string: " + ex.getMessage());
			}
		}
		return true;
	}

}
