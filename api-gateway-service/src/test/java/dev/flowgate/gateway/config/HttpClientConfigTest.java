package dev.flowgate.gateway.config;

import dev.flowgate.internal.InternalApiProperties;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks the internal token it sends as the services check the one they
 * require.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpClientConfigTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, HttpClientConfig.class)
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	@Test
	void givesTheForwardedCallsTheConfiguredToken() {
		this.context.withPropertyValues("flowgate.internal-token=s3cret-token")
			.run((context) -> assertThat(context.getBean(InternalApiProperties.class).internalToken())
				.isEqualTo("s3cret-token"));
	}

	@Test
	void warnsAtStartWhenNoTokenIsSet(CapturedOutput output) {
		this.context.withPropertyValues("flowgate.internal-token=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("FLOWGATE_INTERNAL_TOKEN) is not set");
		});
	}

	@Test
	void refusesToStartWithThePlaceholderOfTheExampleEnvironment() {
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
