package dev.flowgate.keys.web;

import dev.flowgate.internal.InternalHeaders;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/** Lets through only calls the gateway authenticated with the platform admin secret. */
class AdminOnlyInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!Boolean.parseBoolean(request.getHeader(InternalHeaders.ADMIN))) {
			throw new AdminRequiredException();
		}
		return true;
	}

}
