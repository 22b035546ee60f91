package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

	private static final String KAFKA = "127.0.0.1:19092";

	private static final String MONGO = "mongodb://127.0.0.1:27018";

	@TempDir
	Path dir;

	@Test
	void pointsEachServiceAtTheStackWithItsSecrets() {
		StackOptions options = StackOptions.local(this.dir, this.dir.resolve("run"));
		LocalEnv env = LocalEnv.load(this.dir.resolve("local.env"));

		Map<String, String> service = new ServiceEnvironment(options, env, () -> KAFKA, () -> MONGO).forPort(8081);

		assertThat(service).containsEntry("FLOWGATE_PORT", "8081")
			.containsEntry("FLOWGATE_KAFKA_BOOTSTRAP", KAFKA)
			.containsEntry("FLOWGATE_MONGODB_URI", MONGO)
			.containsEntry("FLOWGATE_PUBLIC_URL", "http://127.0.0.1:8080")
			.containsEntry("FLOWGATE_DELIVERY_SERVICE_URL", "http://127.0.0.1:8084")
			.containsEntry("FLOWGATE_SMTP_PORT", "3025")
			.containsEntry("FLOWGATE_ADMIN_SECRET", env.get(LocalEnv.ADMIN_SECRET))
			.containsEntry("FLOWGATE_INTERNAL_TOKEN", env.get(LocalEnv.INTERNAL_TOKEN))
			.containsEntry(LocalEnv.WEBHOOK_ENCRYPTION_KEYS, env.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS))
			.containsEntry("FLOWGATE_DELIVERY_ALLOWED_CIDRS", "127.0.0.0/8,::1/128");
	}

	@Test
	void letsTheStackOptionsOverrideAnyVariable() {
		StackOptions options = StackOptions.local(this.dir, this.dir.resolve("run"))
			.withServiceEnv(Map.of("FLOWGATE_RUNNER_ALLOWED_CIDRS", "10.0.0.0/8", "EXTRA", "1"));

		Map<String, String> service = new ServiceEnvironment(options, LocalEnv.load(this.dir.resolve("local.env")),
				() -> KAFKA, () -> MONGO)
			.forPort(8083);

		assertThat(service).containsEntry("FLOWGATE_RUNNER_ALLOWED_CIDRS", "10.0.0.0/8").containsEntry("EXTRA", "1");
	}

	@Test
	void startsTheServicesOfATestStackWithoutTheSettingsExportedWhereItStarts() {
		StackPorts ports = StackPorts.free();

		assertThat(StackOptions.forTests(this.dir, this.dir, ports).withDataInFiles().uninheritedPrefixes())
			.containsExactly("FLOWGATE_", "SPRING_");
		assertThat(StackOptions.forBenchmark(this.dir, this.dir, ports).uninheritedPrefixes()).isEmpty();
		assertThat(StackOptions.local(this.dir, this.dir).withServiceEnv(Map.of()).uninheritedPrefixes()).isEmpty();
	}

	@Test
	void givesATestStackTheLocalDefaultsWhateverTheDeveloperExported() {
		// Only ./flowgate up's launcher reads the user's variables (ExportedSettings): a
		// test stack keeps its own, even on a machine with FLOWGATE_* exported.
		StackPorts ports = StackPorts.free();
		StackOptions options = StackOptions.forTests(this.dir, this.dir.resolve("run"), ports);

		Map<String, String> service = new ServiceEnvironment(options, LocalEnv.load(this.dir.resolve("local.env")),
				() -> KAFKA, () -> MONGO)
			.forPort(ports.runner());

		assertThat(service).containsEntry("FLOWGATE_RUNNER_ALLOWED_CIDRS", "127.0.0.0/8,::1/128")
			.containsEntry("FLOWGATE_DELIVERY_ALLOWED_CIDRS", "127.0.0.0/8,::1/128")
			.containsEntry("FLOWGATE_PUBLIC_URL", "http://127.0.0.1:" + ports.gateway())
			.containsEntry("FLOWGATE_SMTP_HOST", "127.0.0.1")
			.containsEntry("FLOWGATE_SMTP_PORT", Integer.toString(ports.smtp()));
	}

}
