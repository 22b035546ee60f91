package dev.flowgate.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host for the connection itself and checks every address first, so the
 * addresses checked are the ones connected to (no second lookup to rebind). A refused
 * name and one that does not resolve fail in the same words, which reach the flow or the
 * callback's owner: otherwise they could map the internal names of the network Flowgate
 * runs in. The exceptions keep the details for operators' logs.
 */
public final class DestinationGuard {

	private static final byte[] MAPPED_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

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
	 * @throws UnknownHostException when the host does not resolve (for a name, in the
	 * words of a refused one, the resolver's own as its cause)
	 */
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		String bare = bare(host);
		if (bare.contains(":")) {
			return List.of(checkIpv6Literal(host, bare));
		}
		if (Ipv4Literal.isNumeric(bare)) {
			return List.of(check(host, Ipv4Literal.parse(bare)));
		}
		List<InetAddress> checked = new ArrayList<>();
		for (InetAddress address : lookUp(host, bare)) {
			InetAddress unmapped = unmapped(host, address);
			Optional<String> refusal = this.policy.refusal(unmapped);
			if (refusal.isPresent()) {
				throw refusedName(host, "resolves to " + refusal.get());
			}
			checked.add(unmapped);
		}
		return checked;
	}

	/**
	 * Whether the host is an address literal the policy refuses: known without a lookup,
	 * and so on every try. Never for a name, whose refusal must not tell it exists.
	 */
	public boolean refusesLiteral(String host) {
		String bare = bare(host);
		if (!bare.contains(":") && !Ipv4Literal.isNumeric(bare)) {
			return false;
		}
		try {
			resolve(host);
			return false;
		}
		catch (TargetRefusedException ex) {
			return true;
		}
		catch (UnknownHostException ex) {
			// Not an address at all: it fails as a name that does not resolve.
			return false;
		}
	}

	private static String bare(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private List<InetAddress> lookUp(String host, String name) throws UnknownHostException {
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(name);
		}
		catch (UnknownHostException ex) {
			UnknownHostException unknown = new UnknownHostException(noAllowedAddress(host));
			unknown.initCause(ex);
			throw unknown;
		}
		if (addresses.isEmpty()) {
			throw new UnknownHostException(noAllowedAddress(host));
		}
		return addresses;
	}

	/**
	 * A name's AAAA record may hold ::ffff:a.b.c.d, which the resolver returns as an IPv6
	 * address matching no IPv4 range: refused as the literal is, unless its IPv4 address
	 * is allowed, then connected to as that.
	 */
	private InetAddress unmapped(String host, InetAddress address) throws UnknownHostException {
		byte[] bytes = address.getAddress();
		if (!(address instanceof Inet6Address)
				|| !Arrays.equals(bytes, 0, MAPPED_PREFIX.length, MAPPED_PREFIX, 0, MAPPED_PREFIX.length)) {
			return address;
		}
		InetAddress ipv4 = InetAddress.getByAddress(Arrays.copyOfRange(bytes, MAPPED_PREFIX.length, bytes.length));
		if (!this.policy.isAllowed(ipv4)) {
			throw refusedName(host, "resolves to an IPv4-mapped IPv6 address of a refused range");
		}
		return ipv4;
	}

	private TargetRefusedException refusedName(String host, String why) {
		return TargetRefusedException.ofName(noAllowedAddress(host), this.subject + " " + host + " " + why);
	}

	/** What a name that is refused, or does not resolve, is told. */
	private String noAllowedAddress(String host) {
		return this.subject + " " + host + " resolves to no allowed address (unknown name, or a refused range)";
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
