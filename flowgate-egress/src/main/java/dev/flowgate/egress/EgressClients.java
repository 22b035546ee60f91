package dev.flowgate.egress;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;

/** Apache HttpClient 5 async clients for calls to URLs that owners and flows choose. */
public final class EgressClients {

	private EgressClients() {
	}

	/**
	 * A builder that follows no redirect (it could lead past the guard), and adds no
	 * retries, cookies, cached credentials or decompression of its own.
	 */
	public static HttpAsyncClientBuilder builder() {
		return HttpAsyncClients.custom()
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression();
	}

}
