package dev.flowgate.infra.test;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.flowgate.infra.test.TestInfrastructure.Provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProviderTest {

	@Test
	void systemPropertyOverridesTheChoice() {
		assertThat(withProperty(" Testcontainers ", Provider::choose)).isEqualTo(Provider.TESTCONTAINERS);
		assertThat(withProperty("embedded", Provider::choose)).isEqualTo(Provider.EMBEDDED);
	}

	@Test
	void rejectsAnUnknownProvider() {
		assertThatIllegalArgumentException().isThrownBy(() -> withProperty("docker", Provider::choose))
			.withMessage("flowgate.infra must be embedded or testcontainers, not 'docker'");
	}

	private static <T> T withProperty(String value, Supplier<T> action) {
		String previous = System.getProperty(TestInfrastructure.PROVIDER_PROPERTY);
		System.setProperty(TestInfrastructure.PROVIDER_PROPERTY, value);
		try {
			return action.get();
		}
		finally {
			if (previous != null) {
				System.setProperty(TestInfrastructure.PROVIDER_PROPERTY, previous);
			}
			else {
				System.clearProperty(TestInfrastructure.PROVIDER_PROPERTY);
			}
		}
	}

}
