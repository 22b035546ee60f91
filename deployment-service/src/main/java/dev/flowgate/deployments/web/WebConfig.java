package dev.flowgate.deployments.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final InternalTokenInterceptor internalToken;

	WebConfig(InternalTokenInterceptor internalToken) {
		this.internalToken = internalToken;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.internalToken).addPathPatterns("/v1/**");
	}

}
