package dev.flowgate.delivery.support;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import dev.flowgate.egress.HostResolver;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Host names of the tests' own: {@code internal.example} is a private address,
 * {@code receiver.example} the local receivers; everything else goes to DNS.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

	public static final String INTERNAL = "internal.example";

	public static final String RECEIVER = "receiver.example";

	private static final Map<String, String> NAMES = Map.of(INTERNAL, "10.0.0.5", RECEIVER, "127.0.0.1");

	@Bean
	@Primary
	HostResolver testHostResolver() {
		return (host) -> {
			String mapped = NAMES.get(host);
			if (mapped != null) {
				return List.of(InetAddress.getByAddress(host, InetAddress.getByName(mapped).getAddress()));
			}
			return List.of(InetAddress.getAllByName(host));
		};
	}

}
