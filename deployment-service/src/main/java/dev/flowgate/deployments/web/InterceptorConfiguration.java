package dev.flowgate.deployments.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.flowgate.deployments.domain.execution.ErasedOwners;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;

/**
 * Registers, after the internal token guard, {@link ErasedOwnerGuard} and then
 * {@link IdempotencyInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class InterceptorConfiguration implements WebMvcConfigurer {

	private final IdempotentRequests requests;

	private final ErasedOwners erasedOwners;

	private final JsonMapper mapper;

	InterceptorConfiguration(IdempotentRequests requests, ErasedOwners erasedOwners, JsonMapper mapper) {
		this.requests = requests;
		this.erasedOwners = erasedOwners;
		this.mapper = mapper;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ErasedOwnerGuard(this.erasedOwners)).addPathPatterns("/v1/**");
		registry.addInterceptor(new IdempotencyInterceptor(this.requests, new CanonicalBody(this.mapper)))
			.addPathPatterns("/v1/**");
	}

}
