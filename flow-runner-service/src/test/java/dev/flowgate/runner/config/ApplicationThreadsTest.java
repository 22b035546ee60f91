package dev.flowgate.runner.config;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationThreadsTest {

	@Test
	void givesItsThreadsTheApplicationsLoaderWhateverThreadCreatesThem() throws Exception {
		AtomicReference<Thread> created = new AtomicReference<>();
		// As a common-pool thread on Java 25: another context class loader.
		Thread creator = new Thread(() -> created.set(ApplicationThreads.named("test-").newThread(() -> {
		})));
		creator.setContextClassLoader(new URLClassLoader(new URL[0], null));
		creator.start();
		creator.join();

		assertThat(created.get().getContextClassLoader()).isSameAs(ApplicationThreads.class.getClassLoader());
		assertThat(created.get().getName()).startsWith("test-");
	}

}
