package dev.flowgate.egress;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTest {

	@Test
	void containsTheAddressesOfItsBlock() throws Exception {
		Cidr block = Cidr.parse("172.16.0.0/12");

		assertThat(block.contains(InetAddress.getByName("172.16.0.1"))).isTrue();
		assertThat(block.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
		assertThat(block.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
		assertThat(block.contains(InetAddress.getByName("::1"))).isFalse();
	}

	@Test
	void handlesIpv6AndPrefixesThatSplitAByte() throws Exception {
		Cidr ula = Cidr.parse("fc00::/7");

		assertThat(ula.contains(InetAddress.getByName("fd00:ec2::254"))).isTrue();
		assertThat(ula.contains(InetAddress.getByName("fe00::1"))).isFalse();
	}

	@Test
	void aBareAddressIsASingleHost() throws Exception {
		Cidr host = Cidr.parse("10.1.2.3");

		assertThat(host).hasToString("10.1.2.3/32");
		assertThat(host.contains(InetAddress.getByName("10.1.2.4"))).isFalse();
	}

	@Test
	void rejectsNamesAndBadPrefixesWithoutLookingAnythingUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("example.com/8"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/x"));
	}

}
