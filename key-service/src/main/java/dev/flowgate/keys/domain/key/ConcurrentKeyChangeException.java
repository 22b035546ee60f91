package dev.flowgate.keys.domain.key;

/** The key kept changing underneath every attempt to change it. */
public class ConcurrentKeyChangeException extends RuntimeException {

	public ConcurrentKeyChangeException(String keyId) {
		super("Key " + keyId + " was changed concurrently; try again");
	}

}
