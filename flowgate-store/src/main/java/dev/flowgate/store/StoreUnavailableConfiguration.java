package dev.flowgate.store;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * An API call that fails because MongoDB cannot be reached answers 503 with
 * {@code Retry-After} ({@link StoreUnavailableAdvice}), whatever exception the failure
 * arrives as: {@link StoreUnavailableResolver} asks {@link StoreOutages#isOutage}, as the
 * listeners' error handler does, before any {@code @ExceptionHandler} is picked.
 */
@Configuration(proxyBeanMethods = false)
class StoreUnavailableConfiguration implements WebMvcConfigurer {

	@Bean
	StoreUnavailableAdvice storeUnavailableAdvice(StoreProperties properties) {
		return new StoreUnavailableAdvice(properties.retryAfter());
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		for (int i = 0; i < resolvers.size(); i++) {
			if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver exceptionHandlers) {
				resolvers.add(i, new StoreUnavailableResolver(exceptionHandlers));
				return;
			}
		}
		// Without it an outage would be a service's 500 again, unnoticed.
		throw new IllegalStateException("No @ExceptionHandler resolver to answer a store outage with 503");
	}

}
