package dev.flowgate.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param internalToken the secret the gateway sends in {@value InternalHeaders#TOKEN};
 * blank rejects every call
 */
@ConfigurationProperties("flowgate")
public record InternalApiProperties(String internalToken) {

}
