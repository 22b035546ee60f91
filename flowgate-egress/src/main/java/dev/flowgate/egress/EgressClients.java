package dev.flowgate.egress;

import java.time.Duration;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.util.TimeValue;

/** Apache HttpClient 5 async clients for calls to URLs that owners and flows choose. */
public final class EgressClients {

	private EgressClients() {
	}

	/**
	 * A builder that follows no redirect (it could lead past the guard), and adds no
	 * retries, cookies, cached credentials or decompression of its own.
	 * <p>
	 * Kept-alive connections idle longer than {@code maxIdle} are closed, at the latest
	 * after twice that: a NAT or load balancer that forgets an idle connection drops it
	 * without a word, and a request sent on it would hang until its timeout.
	 */
	public static HttpAsyncClientBuilder builder(Duration maxIdle) {
		return HttpAsyncClients.custom()
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.evictIdleConnections(TimeValue.of(maxIdle));
	}

}
