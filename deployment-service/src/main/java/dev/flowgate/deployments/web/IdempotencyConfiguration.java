package dev.flowgate.deployments.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;

/** Registers {@link IdempotencyInterceptor} after the internal token guard. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

	private final IdempotentRequests requests;

	IdempotencyConfiguration(IdempotentRequests requests) {
		this.requests = requests;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new IdempotencyInterceptor(this.requests)).addPathPatterns("/v1/**");
	}

}
