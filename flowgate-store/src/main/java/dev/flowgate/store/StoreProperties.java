package dev.flowgate.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service behaves while MongoDB cannot be reached.
 *
 * @param serverSelectionTimeout how long one operation waits for a server before it fails
 * (the driver's own default is 30 s, during which an API call hangs)
 * @param retryAfter what a 503 tells the caller to wait
 * @param retry how a listener tries a record again that it could not store
 * @param redelivery how a listener tries a record again that failed for any other reason,
 * before it goes to the dead-letter topic
 */
@ConfigurationProperties("flowgate.store")
public record StoreProperties(@DefaultValue("5s") Duration serverSelectionTimeout,
		@DefaultValue("5s") Duration retryAfter, @DefaultValue Retry retry, @DefaultValue Redelivery redelivery) {

	/**
	 * @param firstPause the pause after the first failure; each next one is twice as long
	 * @param longestPause the longest pause; records are tried again for as long as the
	 * outage lasts
	 */
	public record Retry(@DefaultValue("1s") Duration firstPause, @DefaultValue("30s") Duration longestPause) {
	}

	/**
	 * @param attempts tries in all, the first included
	 * @param interval the pause between two tries
	 */
	public record Redelivery(@DefaultValue("3") int attempts, @DefaultValue("1s") Duration interval) {
	}

}
