package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks host names up (DNS in production; tests map names of their own). */
@FunctionalInterface
public interface HostResolver {

	/** The JVM's own lookup, with its cache, the one HTTP clients use. */
	HostResolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

	List<InetAddress> resolve(String host) throws UnknownHostException;

}
