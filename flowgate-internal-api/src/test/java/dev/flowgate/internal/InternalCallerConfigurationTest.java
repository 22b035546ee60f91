package dev.flowgate.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InternalCallerConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(InternalCallerConfiguration.class);

	@Test
	void givesTheCallerTheConfiguredToken() {
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

}
