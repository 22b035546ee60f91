package dev.flowgate.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin calls from the web pages of {@code flowgate.gateway.cors.allowed-origins},
 * as aicuflow's browser client makes them: a key header and a JSON body need a preflight.
 * No cookies are involved (keys travel in headers), so credentials stay off. A filter
 * rather than Spring MVC's mapping, so that the answers Spring MVC gives before a
 * controller runs (405, 404) reach the page too, with their status.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, "X-API-Key", "api-key",
			HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key", HttpHeaders.IF_MATCH,
			HttpHeaders.IF_NONE_MATCH, "traceparent", "tracestate");

	/** What a page may read of an answer beyond the basic headers. */
	private static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
			HttpHeaders.ETAG, "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
			"X-Trace-Id");

	// Inside the observation and trace id filters, so refused preflights are traced too.
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(GatewayProperties properties) {
		List<String> origins = new ArrayList<>(properties.cors().allowedOrigins());
		// Behind a TLS proxy the gateway's own pages (/docs) look cross-origin to it.
		publicOrigin(properties.publicUrl()).filter((origin) -> !origins.isEmpty()).ifPresent(origins::add);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration(origins, properties.cors().maxAge()));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setOrder(ORDER);
		registration.setEnabled(!origins.isEmpty());
		return registration;
	}

	private static CorsConfiguration configuration(List<String> origins, Duration maxAge) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(origins);
		configuration.setAllowedMethods(METHODS);
		configuration.setAllowedHeaders(REQUEST_HEADERS);
		configuration.setExposedHeaders(ANSWER_HEADERS);
		configuration.setMaxAge(maxAge);
		return configuration;
	}

	private static Optional<String> publicOrigin(String publicUrl) {
		if (publicUrl == null || publicUrl.isBlank()) {
			return Optional.empty();
		}
		URI uri = URI.create(publicUrl.strip());
		return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
	}

}
