package dev.flowgate.store;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Imported by each service that keeps its state in MongoDB: operations wait a bounded
 * time for a server ({@code flowgate.store.server-selection-timeout}, over any the URI
 * sets), the API answers 503 while it cannot be reached
 * ({@link StoreUnavailableConfiguration}), and the listeners' one error handler
 * ({@link DeadLetterConfiguration}) waits for it; both take the same failures for an
 * outage ({@link StoreOutages#isOutage}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
@Import({ DeadLetterConfiguration.class, StoreUnavailableConfiguration.class })
public class StoreOutageConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer boundedServerSelection(StoreProperties properties) {
		long millis = properties.serverSelectionTimeout().toMillis();
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer scheduledTaskFailures() {
		return (scheduler) -> scheduler.setErrorHandler(new ScheduledTaskFailures());
	}

	@Bean
	StoreOutages storeOutages(StoreProperties properties) {
		return new StoreOutages(properties.retry());
	}

}
