package dev.flowgate.deployments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a flow may be. Every gateway and runner keeps each deployed flow in memory,
 * and checking a flow takes time with its size.
 *
 * @param maxNodes nodes in one flow
 * @param maxEdges edges in one flow
 */
@ConfigurationProperties("flowgate.flows")
record FlowProperties(@DefaultValue("500") int maxNodes, @DefaultValue("2000") int maxEdges) {
}
