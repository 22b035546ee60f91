package dev.flowgate.keys.domain.key;

/** The owner has as many keys as one may have. */
public class KeyLimitReachedException extends RuntimeException {

	public KeyLimitReachedException(int limit) {
		super("An owner can have at most " + limit + " keys, active or not; delete the keys no longer used");
	}

}
