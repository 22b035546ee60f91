package dev.flowgate.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherFilesTest {

	@TempDir
	Path runDir;

	@Test
	void removesThePidFileAndTheReadyMarkerWhenTheLauncherStops() throws Exception {
		LauncherFiles files = new LauncherFiles(this.runDir);
		files.writePid();
		files.markReady();
		assertThat(Files.readString(this.runDir.resolve("flowgate.pid")))
			.isEqualTo(Long.toString(ProcessHandle.current().pid()));

		files.remove();

		assertThat(this.runDir.resolve("flowgate.pid")).doesNotExist();
		assertThat(this.runDir.resolve("ready")).doesNotExist();
	}

	@Test
	void marksNothingReadyOnceStopping() {
		LauncherFiles files = new LauncherFiles(this.runDir);
		files.writePid();
		files.remove();

		files.markReady();

		assertThat(this.runDir.resolve("ready")).doesNotExist();
	}

	@Test
	void leavesTheFilesOfAnotherLauncher() throws Exception {
		LauncherFiles files = new LauncherFiles(this.runDir);
		files.writePid();
		Files.writeString(this.runDir.resolve("flowgate.pid"), "1");

		files.remove();

		assertThat(this.runDir.resolve("flowgate.pid")).hasContent("1");
	}

	@Test
	void tellsADetachedLauncher() {
		assertThat(StackCommand.parse(new String[] { "up", "--run-dir", "run", "--detached" }).detached()).isTrue();
		assertThat(StackCommand.parse(new String[] { "up" }).detached()).isFalse();
	}

}
