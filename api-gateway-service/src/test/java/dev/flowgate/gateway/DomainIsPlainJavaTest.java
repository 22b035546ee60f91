package dev.flowgate.gateway;

import java.nio.file.Path;

import dev.flowgate.infra.test.DomainRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainIsPlainJavaTest {

	@Test
	void usesNoSpringKafkaMongoOrServletTypes() {
		assertThat(DomainRules.frameworkTypesIn(Path.of("src/main/java/dev/flowgate/gateway/domain"))).isEmpty();
	}

}
