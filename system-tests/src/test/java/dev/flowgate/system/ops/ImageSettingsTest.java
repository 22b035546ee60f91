package dev.flowgate.system.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The "images" profile's per-module settings against the services' configuration. */
class ImageSettingsTest {

	private static final Path ROOT = RepositoryRoot.find();

	@Test
	void everyServiceImageExposesTheServersPort() {
		for (String module : ConfigurationContract.SERVICES) {
			Properties image = ImageSettings.of(ROOT, module);
			assertThat(image.getProperty("flowgate.image.skip")).as("%s builds an image", module).isEqualTo("false");
			assertThat(Integer.parseInt(image.getProperty("flowgate.image.port")))
				.as("%s exposed port vs server.port", module)
				.isEqualTo(ServiceSettings.of(ROOT, module).defaultPort());
		}
	}

	@Test
	void libraryAndTestModulesBuildNoImage() {
		for (String module : List.of("flowgate-contracts", "flowgate-infra", "system-tests", "bench")) {
			assertThat(ImageSettings.of(ROOT, module).getProperty("flowgate.image.skip")).as(module).isEqualTo("true");
		}
	}

	@Test
	void imagesRunAsANonRootUserWithContainerAwareMemory() throws Exception {
		String pom = Files.readString(ROOT.resolve("pom.xml"));
		String profile = pom.substring(pom.indexOf("<id>images</id>"));
		assertThat(profile).contains("<artifactId>jib-maven-plugin</artifactId>", "<goal>buildTar</goal>",
				"-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
		assertThat(profile).containsPattern("<flowgate.image.user>[1-9][0-9]*:[1-9][0-9]*</flowgate.image.user>");
	}

}
