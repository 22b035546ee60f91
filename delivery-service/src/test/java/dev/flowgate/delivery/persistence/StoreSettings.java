package dev.flowgate.delivery.persistence;

import java.time.Duration;

import dev.flowgate.delivery.config.DeliveryProperties;

/** The settings the stores read, and nothing else. */
final class StoreSettings {

	private StoreSettings() {
	}

	static DeliveryProperties keepingAttempts(int attemptsPerDelivery) {
		return new DeliveryProperties("test", null, null, null, null, null, null,
				new DeliveryProperties.Retention(Duration.ofDays(30), Duration.ofHours(1), attemptsPerDelivery));
	}

}
