package dev.flowgate.keys.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Owner management needs the admin flag, on top of the internal token every call carries
 * ({@code InternalApiConfiguration}). Interceptors run before the body is read, so the
 * caller is checked before its input.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AdminOnlyInterceptor()).addPathPatterns("/v1/owners", "/v1/owners/**");
	}

}
