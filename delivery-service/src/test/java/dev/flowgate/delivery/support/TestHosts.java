package dev.flowgate.delivery.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.egress.HostResolver;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Host names of the tests' own: {@code internal.example} is a private address,
 * {@code receiver.example} the local receivers, {@code unknown.example} does not resolve,
 * and looking up {@code lookup-hangs.example} takes a minute (a nameserver that never
 * answers); everything else goes to DNS.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

	public static final String INTERNAL = "internal.example";

	public static final String RECEIVER = "receiver.example";

	public static final String HANGING_LOOKUP = "lookup-hangs.example";

	public static final String UNKNOWN = "unknown.example";

	private static final Duration HANG = Duration.ofMinutes(1);

	/**
	 * Its first address (127.0.0.2) refuses connections: the receivers listen on
	 * 127.0.0.1.
	 */
	public static final String SECOND_ADDRESS = "second-address.example";

	private static final Map<String, List<String>> NAMES = Map.of(INTERNAL, List.of("10.0.0.5"), RECEIVER,
			List.of("127.0.0.1"), SECOND_ADDRESS, List.of("127.0.0.2", "127.0.0.1"));

	@Bean
	@Primary
	HostResolver testHostResolver() {
		return (host) -> {
			if (host.equals(HANGING_LOOKUP)) {
				return hang(host);
			}
			if (host.equals(UNKNOWN)) {
				throw new UnknownHostException(host + ": Name or service not known");
			}
			List<String> mapped = NAMES.get(host);
			if (mapped != null) {
				List<InetAddress> addresses = new ArrayList<>();
				for (String address : mapped) {
					addresses.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
				}
				return addresses;
			}
			return List.of(InetAddress.getAllByName(host));
		};
	}

	private static List<InetAddress> hang(String host) throws UnknownHostException {
		try {
			Thread.sleep(HANG.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new UnknownHostException(host);
	}

}
