package dev.flowgate.egress;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

	private final AddressPolicy strict = new AddressPolicy(List.of());

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "127.0.0.1 | a loopback address", "::1 | a loopback address",
			"10.9.8.7 | a private address", "172.20.0.1 | a private address", "192.168.1.1 | a private address",
			"169.254.169.254 | a cloud metadata address", "fd00:ec2::254 | a cloud metadata address",
			"169.254.1.1 | a link-local address", "fe80::1 | a link-local address",
			"100.64.0.1 | a shared (CGNAT) address", "fd12:3456::1 | a unique local address",
			"0.0.0.0 | an unspecified address", ":: | an unspecified address", "224.0.0.1 | a multicast address",
			"ff02::1 | a multicast address", "255.255.255.255 | a reserved address",
			"64:ff9b::a00:1 | a NAT64 address embedding an IPv4 address", "::a00:1 | an IPv4-compatible IPv6 address" })
	void refusesNonPublicAddresses(String address, String reason) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).contains(reason);
	}

	/**
	 * Tunnelling and translation prefixes: the IPv4 address they carry may be anyone's,
	 * an internal one included, so they are refused whatever it is, as NAT64 is.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "2002:7f00:1::1 | a 6to4 address embedding an IPv4 address",
					"2002:5db8:d822::1 | a 6to4 address embedding an IPv4 address",
					"2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo address embedding an IPv4 address",
					"::ffff:0:7f00:1 | an IPv4-translated (SIIT) address",
					"::ffff:0:5db8:d822 | an IPv4-translated (SIIT) address",
					"64:ff9b::5db8:d822 | a NAT64 address embedding an IPv4 address" })
	void refusesIpv6AddressesThatCarryAnIpv4Address(String address, String reason) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).contains(reason);
	}

	@ParameterizedTest
	@CsvSource({ "93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
			"2003::1" })
	void allowsPublicAddresses(String address) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).isEmpty();
	}

	@Test
	void anOperatorCanAllowABlockedRange() throws Exception {
		AddressPolicy local = new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8")));

		assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
		assertThat(local.refusal(InetAddress.getByName("10.0.0.1"))).contains("a private address");
		assertThat(local.refusal(InetAddress.getByName("::1"))).contains("a loopback address");
	}

	@Test
	void anOperatorCanAllowTheTunnellingRanges() throws Exception {
		AddressPolicy tunnels = AddressPolicy.allowing(List.of("2002::/16", "2001::/32", "::ffff:0:0:0/96"));

		assertThat(tunnels.refusal(InetAddress.getByName("2002:7f00:1::1"))).isEmpty();
		assertThat(tunnels.refusal(InetAddress.getByName("2001:0:4136:e378:8000:63bf:3fff:fdd2"))).isEmpty();
		assertThat(tunnels.refusal(InetAddress.getByName("::ffff:0:7f00:1"))).isEmpty();
		assertThat(tunnels.refusal(InetAddress.getByName("127.0.0.1"))).contains("a loopback address");
	}

}
