package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackLauncherTest {

	private static final String RUNNER_CIDRS = "FLOWGATE_RUNNER_ALLOWED_CIDRS";

	@TempDir
	Path dir;

	@Test
	void letsTheRangesTheUserExportedWinOverTheLocalRunsLoopbackDefault() {
		StackCommand up = StackCommand.parse(new String[] { "up", "--root", this.dir.toString() });

		StackOptions options = StackLauncher.options(up,
				Map.of(RUNNER_CIDRS, "127.0.0.0/8,192.168.0.0/16", "FLOWGATE_SMTP_HOST", "smtp.example.com"));

		assertThat(environment(options)).containsEntry(RUNNER_CIDRS, "127.0.0.0/8,192.168.0.0/16")
			.containsEntry("FLOWGATE_SMTP_HOST", "smtp.example.com")
			.containsEntry("FLOWGATE_SMTP_PORT", "3025")
			.containsEntry("FLOWGATE_DELIVERY_ALLOWED_CIDRS", "127.0.0.0/8,::1/128");
	}

	@Test
	void keepsTheStacksOwnWiringAndSecretsWhateverTheUserExported() {
		StackCommand up = StackCommand.parse(new String[] { "up", "--root", this.dir.toString() });

		StackOptions options = StackLauncher.options(up, Map.of("FLOWGATE_PORT", "9999", "FLOWGATE_KAFKA_BOOTSTRAP",
				"elsewhere:9092", "FLOWGATE_ADMIN_SECRET", "stale", "FLOWGATE_KEY_SERVICE_URL", "http://elsewhere"));

		assertThat(environment(options)).containsEntry("FLOWGATE_PORT", "8083")
			.containsEntry("FLOWGATE_KAFKA_BOOTSTRAP", "127.0.0.1:19092")
			.containsEntry("FLOWGATE_KEY_SERVICE_URL", "http://127.0.0.1:8081")
			.doesNotContainEntry("FLOWGATE_ADMIN_SECRET", "stale");
	}

	private Map<String, String> environment(StackOptions options) {
		LocalEnv env = LocalEnv.load(options.runDir().resolve("local.env"));
		return new ServiceEnvironment(options, env, () -> "127.0.0.1:19092", () -> "mongodb://127.0.0.1:27018")
			.forPort(8083);
	}

}
