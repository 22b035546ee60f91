package dev.flowgate.internal;

import java.net.http.HttpClient;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** How one Flowgate service calls another's API. */
public final class InternalHttp {

	private InternalHttp() {
	}

	/**
	 * A client builder for calls between services: HTTP/1.1 (no h2c upgrade attempt on
	 * every plain-HTTP call), no redirects, both timeouts, and observed, so each call
	 * carries the caller's trace ({@code traceparent}).
	 */
	public static RestClient.Builder restClient(Duration connectTimeout, Duration readTimeout,
			ObservationRegistry observations) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		return RestClient.builder().requestFactory(requestFactory).observationRegistry(observations);
	}

}
