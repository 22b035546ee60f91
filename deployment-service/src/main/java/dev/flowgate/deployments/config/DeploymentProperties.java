package dev.flowgate.deployments.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an owner may deploy. Every gateway and runner holds every deployment, with its
 * flow, in memory.
 *
 * @param perOwner the most deployments an owner may have: at 100, one owner's deployments
 * of the largest flows hold about 100 MiB in each gateway and runner, and an owner's
 * deployments fit one page of the deployment list
 */
@ConfigurationProperties("flowgate.deployments")
record DeploymentProperties(@DefaultValue("100") int perOwner) {
}
