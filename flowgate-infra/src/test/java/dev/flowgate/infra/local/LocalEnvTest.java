package dev.flowgate.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEnvTest {

	@TempDir
	Path dir;

	@Test
	void keepsSecretsAndCredentialsAcrossRestarts() throws Exception {
		Path file = this.dir.resolve("local.env");
		LocalEnv first = LocalEnv.load(file);
		first.set(LocalEnv.OWNER_ID, "owner-1").set(LocalEnv.API_KEY, "sk-test").save();

		LocalEnv second = LocalEnv.load(file);
		second.save();

		assertThat(second.get(LocalEnv.ADMIN_SECRET)).isNotBlank().isEqualTo(first.get(LocalEnv.ADMIN_SECRET));
		assertThat(second.get(LocalEnv.INTERNAL_TOKEN)).isEqualTo(first.get(LocalEnv.INTERNAL_TOKEN));
		// A new key would leave the stored webhook secrets unreadable.
		assertThat(Base64.getDecoder().decode(second.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS))).hasSize(32);
		assertThat(second.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS)).isEqualTo(first.get(LocalEnv.WEBHOOK_ENCRYPTION_KEYS));
		assertThat(second.get(LocalEnv.OWNER_ID)).isEqualTo("owner-1");
		assertThat(Files.readAllLines(file)).hasSize(6)
			.allSatisfy((line) -> assertThat(line).matches("# .*|export FLOWGATE_[A-Z_]+='[^']*'"));
	}

	@Test
	void isSourceableByTheShellAndPrivate() throws Exception {
		Path file = this.dir.resolve("local.env");
		LocalEnv.load(file).set(LocalEnv.URL, "http://127.0.0.1:8080").save();

		Process shell = new ProcessBuilder("bash", "-c", ". '" + file + "' && echo \"$FLOWGATE_URL\"").start();

		assertThat(new String(shell.getInputStream().readAllBytes()).strip()).isEqualTo("http://127.0.0.1:8080");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

}
