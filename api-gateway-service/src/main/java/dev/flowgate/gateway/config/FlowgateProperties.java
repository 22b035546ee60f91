package dev.flowgate.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every Flowgate service shares ({@code flowgate.*}).
 *
 * @param internalToken the shared secret services require on calls from the gateway
 */
@ConfigurationProperties("flowgate")
public record FlowgateProperties(String internalToken) {
}
