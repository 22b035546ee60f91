package dev.flowgate.gateway.config;

import dev.flowgate.internal.InternalCallerConfiguration;
import dev.flowgate.internal.InternalHttp;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for calls to key-, deployment- and delivery-service, and the internal
 * token they carry ({@code flowgate.internal-token}, checked at start).
 */
@Configuration(proxyBeanMethods = false)
@Import(InternalCallerConfiguration.class)
class HttpClientConfig {

	@Bean
	RestClient upstreamRestClient(GatewayProperties properties, ObservationRegistry observations) {
		GatewayProperties.Upstreams upstreams = properties.upstreams();
		return InternalHttp.restClient(upstreams.connectTimeout(), upstreams.readTimeout(), observations).build();
	}

}
