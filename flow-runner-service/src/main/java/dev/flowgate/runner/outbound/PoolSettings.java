package dev.flowgate.runner.outbound;

import java.time.Duration;

/**
 * The node client's connections.
 *
 * @param connectTimeout the most connecting to one address may take
 * @param maxConnections open at once, all hosts together
 * @param maxConnectionsPerHost open at once to one host
 * @param maxIdle how long a kept-alive connection may stay unused (closed after one to
 * two times this)
 */
public record PoolSettings(Duration connectTimeout, int maxConnections, int maxConnectionsPerHost, Duration maxIdle) {
}
