package dev.flowgate.runner.config;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Named threads whose context class loader is the application's. A pool creates its
 * threads lazily, from whichever thread submits when one is missing, and a new thread
 * inherits that thread's loader. On Java 25 {@code HttpClient.sendAsync} completes on a
 * common-pool thread with the system loader, which cannot see the classes nested in a
 * Spring Boot jar; Kafka resolves configured classes through the context loader, so the
 * first producer made on such a thread failed to initialize {@code ProducerConfig}, for
 * good.
 */
public final class ApplicationThreads {

	private ApplicationThreads() {
	}

	public static ThreadFactory named(String prefix) {
		ClassLoader application = ApplicationThreads.class.getClassLoader();
		return new CustomizableThreadFactory(prefix) {

			@Override
			public Thread createThread(Runnable runnable) {
				Thread thread = super.createThread(runnable);
				thread.setContextClassLoader(application);
				return thread;
			}

		};
	}

}
