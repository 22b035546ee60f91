package dev.flowgate.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DestinationGuardTest {

	private static final String NO_ALLOWED_ADDRESS = "Host %s resolves to no allowed address (unknown name, or a refused range)";

	private final HostResolver names = (host) -> {
		Map<String, List<String>> known = Map.of("public.example", List.of("93.184.216.34"), "internal.example",
				List.of("10.0.0.5"), "mixed.example", List.of("93.184.216.34", "192.168.0.10"), "local.example",
				List.of("127.0.0.1"));
		if (host.equals("mapped.example")) {
			return List.of(mapped(169, 254, 169, 254));
		}
		if (host.equals("mapped-local.example")) {
			return List.of(mapped(127, 0, 0, 1));
		}
		List<String> addresses = known.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		return addresses.stream().map(DestinationGuardTest::address).toList();
	};

	private final DestinationGuard strict = new DestinationGuard(this.names, new AddressPolicy(List.of()), "Host");

	@Test
	void resolvesPublicHosts() throws Exception {
		assertThat(this.strict.resolve("public.example")).containsExactly(address("93.184.216.34"));
		assertThat(this.strict.resolve("93.184.216.34")).containsExactly(address("93.184.216.34"));
	}

	/**
	 * A flow or an owner sees the message: a refused name reads as an unknown one, so
	 * refusals cannot tell them which internal names exist. The reason is for operators.
	 */
	@Test
	void refusesANameInTheWordsOfAnUnknownName() {
		assertThatExceptionOfType(TargetRefusedException.class)
			.isThrownBy(() -> this.strict.resolve("internal.example"))
			.withMessage(NO_ALLOWED_ADDRESS.formatted("internal.example"))
			.satisfies((refused) -> assertThat(refused.isName()).isTrue())
			.satisfies((refused) -> assertThat(refused.reason())
				.isEqualTo("Host internal.example resolves to a private address"));
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.strict.resolve("nowhere.example"))
			.withMessage(NO_ALLOWED_ADDRESS.formatted("nowhere.example"))
			.havingCause()
			.withMessage("nowhere.example");
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsPrivate() {
		assertThatExceptionOfType(TargetRefusedException.class).isThrownBy(() -> this.strict.resolve("mixed.example"))
			.withMessage(NO_ALLOWED_ADDRESS.formatted("mixed.example"))
			.satisfies((refused) -> assertThat(refused.reason())
				.isEqualTo("Host mixed.example resolves to a private address"));
	}

	@Test
	void aNameThatResolvesToNothingIsUnknown() {
		DestinationGuard empty = new DestinationGuard((host) -> List.of(), new AddressPolicy(List.of()), "Host");

		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> empty.resolve("empty.example"))
			.isNotInstanceOf(TargetRefusedException.class)
			.withMessage(NO_ALLOWED_ADDRESS.formatted("empty.example"));
	}

	@Test
	void refusesLiteralsInEveryNotation() {
		assertThatExceptionOfType(TargetRefusedException.class).isThrownBy(() -> this.strict.resolve("127.1"))
			.withMessage("Host 127.1 resolves to 127.0.0.1, a loopback address")
			.satisfies((refused) -> assertThat(refused.isName()).isFalse());
		assertThatExceptionOfType(TargetRefusedException.class).isThrownBy(() -> this.strict.resolve("169.254.169.254"))
			.withMessage("Host 169.254.169.254 is a cloud metadata address");
		assertThatExceptionOfType(TargetRefusedException.class).isThrownBy(() -> this.strict.resolve("[::1]"))
			.withMessageContaining("a loopback address");
	}

	@Test
	void refusesIpv4MappedIpv6EvenToAPublicAddress() {
		assertThatExceptionOfType(TargetRefusedException.class)
			.isThrownBy(() -> this.strict.resolve("::ffff:127.0.0.1"))
			.withMessage("Host ::ffff:127.0.0.1 is an IPv4-mapped IPv6 address (127.0.0.1)");
		assertThatExceptionOfType(TargetRefusedException.class)
			.isThrownBy(() -> this.strict.resolve("[::ffff:93.184.216.34]"))
			.withMessageContaining("IPv4-mapped");
	}

	@Test
	void refusesANameWhoseAaaaRecordMapsAnIpv4Address() {
		assertThatExceptionOfType(TargetRefusedException.class).isThrownBy(() -> this.strict.resolve("mapped.example"))
			.withMessage(NO_ALLOWED_ADDRESS.formatted("mapped.example"))
			.satisfies((refused) -> assertThat(refused.reason())
				.isEqualTo("Host mapped.example resolves to an IPv4-mapped IPv6 address of a refused range"));
	}

	@Test
	void allowsWhatTheOperatorAllowed() throws Exception {
		DestinationGuard local = new DestinationGuard(this.names, new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"))),
				"Host");

		assertThat(local.resolve("local.example")).containsExactly(address("127.0.0.1"));
		assertThat(local.resolve("127.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
		assertThat(local.resolve("::ffff:127.0.0.1")).extracting(InetAddress::getHostAddress)
			.containsExactly("127.0.0.1");
		assertThat(local.resolve("mapped-local.example")).extracting(InetAddress::getHostAddress)
			.containsExactly("127.0.0.1");
	}

	@Test
	void tellsARefusedLiteralWithoutALookup() {
		DestinationGuard noLookups = new DestinationGuard((host) -> {
			throw new AssertionError("looked up " + host);
		}, new AddressPolicy(List.of()), "Host");

		assertThat(noLookups.refusesLiteral("10.0.0.5")).isTrue();
		assertThat(noLookups.refusesLiteral("0x7f.1")).isTrue();
		assertThat(noLookups.refusesLiteral("[::1]")).isTrue();
		assertThat(noLookups.refusesLiteral("::ffff:127.0.0.1")).isTrue();
		assertThat(noLookups.refusesLiteral("93.184.216.34")).isFalse();
		assertThat(noLookups.refusesLiteral("999.1.1.1")).isFalse();
		assertThat(noLookups.refusesLiteral("internal.example")).isFalse();
	}

	@Test
	void anUnknownHostIsNotARefusal() {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.strict.resolve("nowhere.example"))
			.isNotInstanceOf(TargetRefusedException.class);
	}

	/** ::ffff:a.b.c.d as a resolver returns it from an AAAA record: an IPv6 address. */
	private static InetAddress mapped(int a, int b, int c, int d) {
		byte[] bytes = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c,
				(byte) d };
		try {
			return Inet6Address.getByAddress(null, bytes, -1);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
