package dev.flowgate.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Imported by the gateway, which sends the internal token ({@link InternalApiProperties})
 * on every call it forwards: checked at start as the services check it, so that a gateway
 * without one says so instead of only passing on the services' 401s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InternalApiProperties.class)
public class InternalCallerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(InternalCallerConfiguration.class);

	InternalCallerConfiguration(InternalApiProperties properties) {
		if (!InternalToken.isSet(properties.internalToken())) {
			log.warn("flowgate.internal-token (FLOWGATE_INTERNAL_TOKEN) is not set: the services refuse every call "
					+ "forwarded to them");
		}
	}

}
