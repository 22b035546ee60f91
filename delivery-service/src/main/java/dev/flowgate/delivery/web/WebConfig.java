package dev.flowgate.delivery.web;

import dev.flowgate.delivery.config.FlowgateProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the API (not the actuator) with the internal token, before any body is read. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(WebConfig.class);

	private final FlowgateProperties properties;

	WebConfig(FlowgateProperties properties) {
		this.properties = properties;
		if (!StringUtils.hasText(properties.internalToken())) {
			log.warn("flowgate.internal-token (FLOWGATE_INTERNAL_TOKEN) is not set: every /v1 call is rejected");
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new InternalTokenInterceptor(this.properties.internalToken()))
			.addPathPatterns("/v1/**");
	}

}
