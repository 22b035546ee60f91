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
 * controller runs (405, 404) reach the page too, with their status. The errors Tomcat
 * raises itself get the headers too: on the error dispatch to {@code /error} from this
 * filter, and from the error report valve for those it renders (see
 * {@link WebServerConfig}).
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
			"X-Trace-Id", "Idempotent-Replayed");

	// Inside the observation and trace id filters, so refused preflights are traced too.
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(GatewayProperties properties) {
		Optional<CorsConfiguration> rules = rules(properties);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		rules.ifPresent((configuration) -> source.registerCorsConfiguration("/**", configuration));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new ErrorsTooCorsFilter(source));
		registration.setOrder(ORDER);
		registration.setEnabled(rules.isPresent());
		return registration;
	}

	/**
	 * Which pages may call the API, for the filter and Tomcat's error report valve alike.
	 * @return empty when no origin is allowed
	 */
	static Optional<CorsConfiguration> rules(GatewayProperties properties) {
		List<String> origins = new ArrayList<>(properties.cors().allowedOrigins());
		if (origins.isEmpty()) {
			return Optional.empty();
		}
		// Behind a TLS proxy the gateway's own pages (/docs) look cross-origin to it.
		publicOrigin(properties.publicUrl()).ifPresent(origins::add);
		return Optional.of(configuration(origins, properties.cors().maxAge()));
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

	/**
	 * Also on error dispatches: an error Tomcat raises before any filter ran (a 404 for
	 * {@code /WEB-INF/..}, say) is forwarded to {@code /error} without the headers. An
	 * answer that has them already is left as it is.
	 */
	private static final class ErrorsTooCorsFilter extends CorsFilter {

		ErrorsTooCorsFilter(UrlBasedCorsConfigurationSource source) {
			super(source);
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

}
