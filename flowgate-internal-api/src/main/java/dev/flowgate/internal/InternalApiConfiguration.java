package dev.flowgate.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Imported by each service behind the gateway: its API ({@value #API}, not the actuator)
 * answers only calls that carry the internal token ({@code flowgate.internal-token}), and
 * 401 problem details to the others; a query parameter may be given once, as
 * percent-encoded UTF-8 ({@link QueryGuard}), a whole number only as its digits
 * ({@link WholeNumberParameters}), request bodies are read strictly
 * ({@link StrictBodies}), and its answers are typed as what they are
 * ({@link PlainJsonAnswers}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InternalApiProperties.class)
public class InternalApiConfiguration implements WebMvcConfigurer {

	static final String API = "/v1/**";

	private static final Logger log = LoggerFactory.getLogger(InternalApiConfiguration.class);

	private final InternalApiProperties properties;

	InternalApiConfiguration(InternalApiProperties properties) {
		this.properties = properties;
		if (!InternalToken.isSet(properties.internalToken())) {
			log.warn("flowgate.internal-token (FLOWGATE_INTERNAL_TOKEN) is not set: every /v1 call is rejected");
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// First, so that a service's own interceptors only see calls from the gateway.
		registry.addInterceptor(new InternalTokenGuard(this.properties.internalToken()))
			.addPathPatterns(API)
			.order(Ordered.HIGHEST_PRECEDENCE);
		registry.addInterceptor(new QueryGuard()).addPathPatterns(API).order(Ordered.HIGHEST_PRECEDENCE + 1);
	}

	@Bean
	UntrustedCallerAdvice untrustedCallerAdvice() {
		return new UntrustedCallerAdvice();
	}

	@Bean
	WholeNumberParameters wholeNumberParameters() {
		return new WholeNumberParameters();
	}

	@Bean
	PlainJsonAnswers plainJsonAnswers() {
		return new PlainJsonAnswers();
	}

	@Bean
	JsonMapperBuilderCustomizer strictBodies() {
		return StrictBodies::apply;
	}

}
