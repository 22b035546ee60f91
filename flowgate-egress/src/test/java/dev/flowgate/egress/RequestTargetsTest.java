package dev.flowgate.egress;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetsTest {

	@Test
	void keepsThePathAndQueryAsEncodedAndLeavesTheFragmentOut() {
		assertThat(RequestTargets.pathAndQuery(URI.create("https://hooks.example.com/in/a%2Fb?token=a%20b&x#frag")))
			.isEqualTo("/in/a%2Fb?token=a%20b&x");
	}

	@Test
	void anEmptyPathIsTheRoot() {
		assertThat(RequestTargets.pathAndQuery(URI.create("https://hooks.example.com"))).isEqualTo("/");
		assertThat(RequestTargets.pathAndQuery(URI.create("https://hooks.example.com?q=1"))).isEqualTo("/?q=1");
	}

}
