package dev.flowgate.gateway.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin calls from the web pages of {@code flowgate.gateway.cors.allowed-origins},
 * as aicuflow's browser client makes them: a key header and a JSON body need a preflight.
 * No cookies are involved (keys travel in headers), so credentials stay off.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebMvcConfigurer {

	private static final String[] REQUEST_HEADERS = { HttpHeaders.AUTHORIZATION, "X-API-Key", "api-key",
			HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key", HttpHeaders.IF_MATCH,
			HttpHeaders.IF_NONE_MATCH, "traceparent", "tracestate" };

	/** What a page may read of an answer beyond the basic headers. */
	private static final String[] ANSWER_HEADERS = { HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG,
			"RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Trace-Id" };

	private final GatewayProperties.Cors cors;

	private final String publicUrl;

	CorsConfig(GatewayProperties properties) {
		this.cors = properties.cors();
		this.publicUrl = properties.publicUrl();
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		List<String> origins = new ArrayList<>(this.cors.allowedOrigins());
		if (origins.isEmpty()) {
			return;
		}
		// Behind a TLS proxy the gateway's own pages (/docs) look cross-origin to it.
		publicOrigin().ifPresent(origins::add);
		registry.addMapping("/**")
			.allowedOriginPatterns(origins.toArray(String[]::new))
			.allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE")
			.allowedHeaders(REQUEST_HEADERS)
			.exposedHeaders(ANSWER_HEADERS)
			.maxAge(this.cors.maxAge().toSeconds());
	}

	private Optional<String> publicOrigin() {
		if (this.publicUrl == null || this.publicUrl.isBlank()) {
			return Optional.empty();
		}
		URI uri = URI.create(this.publicUrl.strip());
		return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
	}

}
