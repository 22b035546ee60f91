package dev.flowgate.egress;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses outbound calls may connect to: anything public, unless an operator
 * allows a blocked range (the local stack allows loopback).
 */
public final class AddressPolicy {

	private static final String METADATA = "a cloud metadata address";

	private static final String PRIVATE = "a private address";

	private static final String LOOPBACK = "a loopback address";

	private static final String UNSPECIFIED = "an unspecified address";

	private static final String LINK_LOCAL = "a link-local address";

	private static final String MULTICAST = "a multicast address";

	private static final String NAT64 = "a NAT64 address embedding an IPv4 address";

	private static final String SIX_TO_FOUR = "a 6to4 address embedding an IPv4 address";

	private static final String TEREDO = "a Teredo address embedding an IPv4 address";

	private static final String SIIT = "an IPv4-translated (SIIT) address";

	// Most specific first: the first match names the reason. Prefixes carrying an IPv4
	// address (IPv4-compatible, NAT64, 6to4, Teredo, SIIT) are refused whole: a gateway
	// or relay on the way delivers to that address, an internal one as well.
	private static final List<Blocked> BLOCKED = List.of(blocked("169.254.169.254/32", METADATA),
			blocked("fd00:ec2::254/128", METADATA), blocked("0.0.0.0/8", UNSPECIFIED), blocked("127.0.0.0/8", LOOPBACK),
			blocked("10.0.0.0/8", PRIVATE), blocked("172.16.0.0/12", PRIVATE), blocked("192.168.0.0/16", PRIVATE),
			blocked("100.64.0.0/10", "a shared (CGNAT) address"), blocked("169.254.0.0/16", LINK_LOCAL),
			blocked("192.0.0.0/24", "an IETF protocol address"), blocked("198.18.0.0/15", "a benchmarking address"),
			blocked("224.0.0.0/4", MULTICAST), blocked("240.0.0.0/4", "a reserved address"),
			blocked("::/128", UNSPECIFIED), blocked("::1/128", LOOPBACK),
			blocked("::/96", "an IPv4-compatible IPv6 address"), blocked("64:ff9b::/96", NAT64),
			blocked("64:ff9b:1::/48", NAT64), blocked("2002::/16", SIX_TO_FOUR), blocked("2001::/32", TEREDO),
			blocked("::ffff:0:0:0/96", SIIT), blocked("fc00::/7", "a unique local address"),
			blocked("fe80::/10", LINK_LOCAL), blocked("fec0::/10", "a site-local address"),
			blocked("ff00::/8", MULTICAST), blocked("100::/64", "a discard address"));

	private final List<Cidr> allowed;

	public AddressPolicy(List<Cidr> allowed) {
		this.allowed = List.copyOf(allowed);
	}

	/** A policy allowing the ranges an operator configured; blank entries are ignored. */
	public static AddressPolicy allowing(List<String> cidrs) {
		return new AddressPolicy(cidrs.stream().filter((cidr) -> !cidr.isBlank()).map(Cidr::parse).toList());
	}

	/** Why a connection to the address is refused; empty when it is allowed. */
	public Optional<String> refusal(InetAddress address) {
		if (isAllowed(address)) {
			return Optional.empty();
		}
		return BLOCKED.stream().filter((blocked) -> blocked.range().contains(address)).map(Blocked::reason).findFirst();
	}

	/** Whether an operator explicitly allowed the address. */
	boolean isAllowed(InetAddress address) {
		return this.allowed.stream().anyMatch((cidr) -> cidr.contains(address));
	}

	private static Blocked blocked(String cidr, String reason) {
		return new Blocked(Cidr.parse(cidr), reason);
	}

	private record Blocked(Cidr range, String reason) {
	}

}
