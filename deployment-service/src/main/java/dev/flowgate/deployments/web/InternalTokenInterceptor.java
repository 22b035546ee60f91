package dev.flowgate.deployments.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.flowgate.deployments.config.FlowgateProperties;

/**
 * Accepts only calls that carry the gateway's internal token and the owner it
 * authenticated; the gateway is the only client.
 */
@Component
class InternalTokenInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(InternalTokenInterceptor.class);

	private final byte[] expectedToken;

	InternalTokenInterceptor(FlowgateProperties properties) {
		String token = properties.internalToken();
		this.expectedToken = (token != null && !token.isBlank()) ? token.getBytes(StandardCharsets.UTF_8) : null;
		if (this.expectedToken == null) {
			log.warn("flowgate.internal-token (FLOWGATE_INTERNAL_TOKEN) is not set: every /v1 call is rejected");
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String token = request.getHeader(InternalHeaders.TOKEN);
		if (this.expectedToken == null || token == null
				|| !MessageDigest.isEqual(this.expectedToken, token.getBytes(StandardCharsets.UTF_8))) {
			throw new UnauthenticatedCallException("Missing or wrong " + InternalHeaders.TOKEN);
		}
		String ownerId = request.getHeader(InternalHeaders.OWNER_ID);
		if (ownerId == null || ownerId.isBlank()) {
			throw new UnauthenticatedCallException("Missing " + InternalHeaders.OWNER_ID);
		}
		return true;
	}

}
