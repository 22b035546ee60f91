package dev.flowgate.delivery.domain.signing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The secret store's contract, in memory. */
public class InMemorySecretStore implements WebhookSecretStore {

	private final Map<String, OwnerSecret> secrets = new ConcurrentHashMap<>();

	@Override
	public Optional<OwnerSecret> find(String ownerId) {
		return Optional.ofNullable(this.secrets.get(ownerId));
	}

	@Override
	public OwnerSecret insertIfAbsent(OwnerSecret secret) {
		OwnerSecret existing = this.secrets.putIfAbsent(secret.ownerId(), secret);
		return (existing != null) ? existing : secret;
	}

	@Override
	public boolean replace(OwnerSecret next) {
		OwnerSecret current = this.secrets.get(next.ownerId());
		return current != null && current.version() == next.version() - 1
				&& this.secrets.replace(next.ownerId(), current, next);
	}

	@Override
	public boolean delete(String ownerId) {
		return this.secrets.remove(ownerId) != null;
	}

}
