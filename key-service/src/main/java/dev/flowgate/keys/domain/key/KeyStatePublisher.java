package dev.flowgate.keys.domain.key;

/** Sends a key's full state (or its tombstone once deleted) to the key topic. */
public interface KeyStatePublisher {

	Delivery publish(ApiKey key);

	/** What became of one send. */
	enum Delivery {

		/** The broker acknowledged it. */
		ACKNOWLEDGED,

		/** It definitely failed; sending again is safe. */
		FAILED,

		/**
		 * No answer in time, or a failure that leaves the record possibly written
		 * (Kafka's own timeout); it may still arrive, so nothing may be sent after it
		 * yet.
		 */
		IN_DOUBT

	}

}
