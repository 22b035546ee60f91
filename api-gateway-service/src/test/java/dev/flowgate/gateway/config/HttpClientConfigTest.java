package dev.flowgate.gateway.config;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks the internal token it sends as the services check the one they
 * require.
 */
class HttpClientConfigTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, HttpClientConfig.class)
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	@Test
	void checksTheInternalTokenAtStartAsTheServicesDo() {
		this.context.withPropertyValues("flowgate.internal-token=replace-with-openssl-rand-hex-32")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("FLOWGATE_INTERNAL_TOKEN"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatewayProperties.class)
	static class Properties {

	}

}
