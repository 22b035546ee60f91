package dev.flowgate.keys.domain.key;

/** No such key for this owner (another owner's key counts as none). */
public class KeyNotFoundException extends RuntimeException {

	public KeyNotFoundException(String keyId) {
		super("Key '" + keyId + "' not found");
	}

}
