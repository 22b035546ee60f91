package dev.flowgate.system.ops;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files may set a documented variable that a service does not read yet
 * ({@link EnvironmentRules}); this closes that gap: every documented variable is read by
 * its service, so a value set in docker-compose.yml or k8s/ cannot be silently ignored.
 */
class ConfigurationContractTest {

	private static final Path ROOT = RepositoryRoot.find();

	@Test
	void everyDocumentedVariableIsReadByItsService() {
		List<String> unread = ConfigurationContract.SERVICES.stream()
			.map((module) -> ServiceSettings.of(ROOT, module))
			.flatMap((settings) -> ConfigurationContract.documented(settings.module())
				.stream()
				.filter((variable) -> !settings.reads(variable))
				.map((variable) -> settings.module() + " does not read " + variable
						+ " (documented in README.md and docs/operations.md)"))
			.toList();
		assertThat(unread).isEmpty();
	}

}
