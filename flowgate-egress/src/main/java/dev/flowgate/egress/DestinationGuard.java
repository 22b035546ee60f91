package dev.flowgate.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host for the connection itself and checks every address first, so the
 * addresses checked are the ones connected to (no second lookup to rebind).
 */
public final class DestinationGuard {

	private final HostResolver resolver;

	private final AddressPolicy policy;

	private final String subject;

	/**
	 * @param subject what a refusal calls the host, such as {@code "Callback host"}
	 */
	public DestinationGuard(HostResolver resolver, AddressPolicy policy, String subject) {
		this.resolver = resolver;
		this.policy = policy;
		this.subject = subject;
	}

	/**
	 * The addresses to connect to.
	 * @param host a host name or an IPv4/IPv6 literal, with or without brackets
	 * @throws TargetRefusedException when any address is refused
	 * @throws UnknownHostException when the host does not resolve
	 */
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.contains(":")) {
			return List.of(checkIpv6Literal(host, bare));
		}
		if (Ipv4Literal.isNumeric(bare)) {
			return List.of(check(host, Ipv4Literal.parse(bare)));
		}
		List<InetAddress> addresses = this.resolver.resolve(bare);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			check(host, address);
		}
		return addresses;
	}

	private InetAddress checkIpv6Literal(String host, String literal) throws UnknownHostException {
		// A literal is parsed, not resolved; Java turns ::ffff:a.b.c.d into an IPv4
		// address.
		InetAddress address = InetAddress.getByName(literal);
		if (address instanceof Inet4Address && !this.policy.isAllowed(address)) {
			throw new TargetRefusedException(
					this.subject + " " + host + " is an IPv4-mapped IPv6 address (" + address.getHostAddress() + ")");
		}
		return check(host, address);
	}

	private InetAddress check(String host, InetAddress address) throws TargetRefusedException {
		Optional<String> refusal = this.policy.refusal(address);
		if (refusal.isPresent()) {
			String resolved = host.equals(address.getHostAddress()) ? "is "
					: "resolves to " + address.getHostAddress() + ", ";
			throw new TargetRefusedException(this.subject + " " + host + " " + resolved + refusal.get());
		}
		return address;
	}

}
