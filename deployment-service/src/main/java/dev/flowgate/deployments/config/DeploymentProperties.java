package dev.flowgate.deployments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an owner may deploy. Every gateway and runner holds every deployment, with its
 * flow, in memory.
 *
 * @param perOwner the most deployments an owner may have: at 100, one owner's deployments
 * of the largest flows hold about 100 MiB in each gateway and runner, and an owner's
 * deployments fit one page of the deployment list
 * @param deployedFlowBytesPerOwner the most an owner's deployments may pin, as JSON, each
 * flow version counted once: 8 MB is 16 of the largest flows (512 KiB) or 100 distinct
 * ones of 80 KiB, far more than flows take (a few KiB), and bounds one owner's share of
 * each gateway's and runner's memory to some tens of MB decoded
 */
@ConfigurationProperties("flowgate.deployments")
record DeploymentProperties(@DefaultValue("100") int perOwner,
		@DefaultValue("8MB") DataSize deployedFlowBytesPerOwner) {
}
