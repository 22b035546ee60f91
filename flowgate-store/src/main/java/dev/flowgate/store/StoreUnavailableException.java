package dev.flowgate.store;

/**
 * An API call's failure that {@link StoreOutages#isOutage} takes for a store outage,
 * wrapped so that {@link StoreUnavailableAdvice} is picked for it by type.
 */
class StoreUnavailableException extends RuntimeException {

	StoreUnavailableException(Exception outage) {
		super(outage.getMessage(), outage);
	}

}
