package dev.flowgate.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEnvTest {

	// Saves enough for a watcher to see a file created with the default permissions
	// before they are narrowed.
	private static final int SAVES = 2000;

	private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.OTHERS_READ);

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

	@Test
	void isNeverReadableByOthersNotEvenWhileItIsWritten() throws Exception {
		Path file = this.dir.resolve("local.env");
		AtomicBoolean saving = new AtomicBoolean(true);
		AtomicBoolean exposed = new AtomicBoolean();
		Thread watcher = new Thread(() -> {
			while (saving.get()) {
				try {
					if (Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains)) {
						exposed.set(true);
					}
				}
				catch (IOException ex) {
					// not there (yet or any more)
				}
			}
		});
		watcher.start();
		try {
			for (int i = 0; i < SAVES && !exposed.get(); i++) {
				Files.deleteIfExists(file);
				LocalEnv.load(file).save();
			}
		}
		finally {
			saving.set(false);
			watcher.join();
		}

		assertThat(exposed).isFalse();
		assertThat(this.dir).isDirectoryNotContaining("glob:**.tmp");
	}

}
