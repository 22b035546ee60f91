package dev.flowgate.deployments.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;

/** Registers {@link IdempotencyInterceptor} after the internal token guard. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

	private final IdempotentRequests requests;

	private final JsonMapper mapper;

	IdempotencyConfiguration(IdempotentRequests requests, JsonMapper mapper) {
		this.requests = requests;
		this.mapper = mapper;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new IdempotencyInterceptor(this.requests, new CanonicalBody(this.mapper)))
			.addPathPatterns("/v1/**");
	}

}
