package dev.flowgate.delivery.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.flowgate.egress.DestinationGuard;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's own way to turn a host into addresses, checked by the guard too.
 * Callbacks never use it (each request carries an address {@code GuardedLookups} checked,
 * looked up off the client's threads); it keeps a request without one guarded.
 */
class GuardedDnsResolver implements DnsResolver {

	private final DestinationGuard guard;

	GuardedDnsResolver(DestinationGuard guard) {
		this.guard = guard;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.guard.resolve(host).toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// Never looked up: the host stays the one the owner configured.
		return host;
	}

}
