package dev.flowgate.infra.local;

import java.nio.file.Path;

import dev.flowgate.infra.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTest {

	@TempDir
	Path dir;

	@Test
	void runsTheBootJarAsItIsAndWritesNoArchiveWhenOff() {
		ClassDataSharing off = new ClassDataSharing(false, this.dir.resolve("cds"));
		Path jar = this.dir.resolve("key-service-0.1.0.jar");

		assertThat(off.launch("key-service", jar)).containsExactly("-jar", jar.toString());
		assertThat(off.writesArchive("key-service")).isFalse();
		assertThat(this.dir.resolve("cds")).doesNotExist();
	}

	@Test
	void givesAJvmThatWritesItsArchiveLongerToStop() {
		assertThat(ClassDataSharing.stopTimeout(true)).isEqualTo(ClassDataSharing.ARCHIVE_STOP_TIMEOUT);
		assertThat(ClassDataSharing.stopTimeout(false)).isEqualTo(ManagedProcess.DEFAULT_STOP_TIMEOUT);
	}

}
