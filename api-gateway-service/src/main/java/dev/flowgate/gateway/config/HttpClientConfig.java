package dev.flowgate.gateway.config;

import java.net.http.HttpClient;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client for calls to key-, deployment- and delivery-service. */
@Configuration(proxyBeanMethods = false)
class HttpClientConfig {

	@Bean
	RestClient upstreamRestClient(GatewayProperties properties, ObservationRegistry observations) {
		// HTTP/1.1: no h2c upgrade attempt on every plain-HTTP call to a service.
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.upstreams().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.upstreams().readTimeout());
		// Observed: each call carries the request's trace (traceparent) to the service.
		return RestClient.builder().requestFactory(requestFactory).observationRegistry(observations).build();
	}

}
