package dev.flowgate.delivery.domain.signing;

import java.util.Optional;

/** Where owners' signing secrets live. */
public interface WebhookSecretStore {

	Optional<OwnerSecret> find(String ownerId);

	/** Stores the secret unless the owner has one; returns the one stored. */
	OwnerSecret insertIfAbsent(OwnerSecret secret);

	/**
	 * Replaces the stored secret if it is still the version before {@code next}.
	 * @return whether it was replaced
	 */
	boolean replace(OwnerSecret next);

	/**
	 * Deletes the owner's secret.
	 * @return whether there was one
	 */
	boolean delete(String ownerId);

}
