package dev.flowgate.deployments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a flow may be. Every gateway and runner keeps each deployed flow in memory,
 * and checking a flow takes time with its size.
 *
 * @param maxNodes nodes in one flow
 * @param maxEdges edges in one flow
 * @param storagePerOwner the most all of an owner's flow versions may take, as JSON:
 * every version is kept until its flow is deleted. 256 MB is 500 versions of the largest
 * flow (512 KiB) or tens of thousands of typical ones, and bounds what one owner can add
 * to MongoDB's disk; with it, no count of flows or versions is needed
 */
@ConfigurationProperties("flowgate.flows")
record FlowProperties(@DefaultValue("500") int maxNodes, @DefaultValue("2000") int maxEdges,
		@DefaultValue("256MB") DataSize storagePerOwner) {
}
