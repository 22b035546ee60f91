package dev.flowgate.delivery.messaging;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.EgressClients;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The async client for callbacks: guarded resolution, no proxies from the environment, no
 * redirects, no retries of its own (the schedule does that), no cookies, and a connection
 * pool as large as the dispatcher's limit of attempts in flight.
 */
final class CallbackHttpClient {

	private CallbackHttpClient() {
	}

	static CloseableHttpAsyncClient create(DestinationGuard guard, DeliveryProperties properties) {
		DeliveryProperties.Callback callback = properties.callback();
		DeliveryProperties.Dispatch dispatch = properties.dispatch();
		Timeout timeout = Timeout.of(callback.timeout());
		Timeout connectTimeout = Timeout.of((callback.connectTimeout().compareTo(callback.timeout()) < 0)
				? callback.connectTimeout() : callback.timeout());
		PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
			.setDnsResolver(new GuardedDnsResolver(guard))
			.setMaxConnTotal(dispatch.maxInFlight())
			// A route (host and port) is shared by every owner calling it: the dispatcher
			// limits each owner's attempts there, so one owner's slow endpoint must not
			// take the connections other owners' callbacks to the same receiver need.
			.setMaxConnPerRoute(dispatch.maxInFlight())
			.setDefaultConnectionConfig(
					ConnectionConfig.custom().setConnectTimeout(connectTimeout).setSocketTimeout(timeout).build())
			.build();
		CloseableHttpAsyncClient client = EgressClients.builder(callback.maxIdle())
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(timeout)
				.setResponseTimeout(timeout)
				.setRedirectsEnabled(false)
				.build())
			.setUserAgent(callback.userAgent())
			.build();
		client.start();
		return client;
	}

}
