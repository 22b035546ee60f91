package dev.flowgate.delivery.domain.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks host names up (DNS in production; tests map names of their own). */
@FunctionalInterface
public interface HostResolver {

	List<InetAddress> resolve(String host) throws UnknownHostException;

}
