package dev.flowgate.keys.domain.owner;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.flowgate.keys.domain.key.IssuedKey;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeyService;

/** The platform admin's side: owners, and keys issued on an owner's behalf. */
public class OwnerService {

	private final OwnerStore owners;

	private final KeyService keys;

	private final Clock clock;

	public OwnerService(OwnerStore owners, KeyService keys, Clock clock) {
		this.owners = owners;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Creates an owner and its first key. Without transactions a crash in between leaves
	 * an owner without keys; the admin can then issue one with {@link #issueKey}. A first
	 * key that cannot be stored takes its owner back, so the admin's retry makes one
	 * owner, not a second of the same name.
	 */
	public RegisteredOwner register(String name) {
		Owner owner = new Owner(UUID.randomUUID().toString(), name,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.owners.insert(owner);
		try {
			return new RegisteredOwner(owner, this.keys.issue(owner.id(), KeyRequest.firstKey()));
		}
		catch (RuntimeException ex) {
			try {
				this.owners.delete(owner.id());
			}
			catch (RuntimeException undone) {
				ex.addSuppressed(undone);
			}
			throw ex;
		}
	}

	public IssuedKey issueKey(String ownerId, KeyRequest request) {
		if (!this.owners.exists(ownerId)) {
			throw new OwnerNotFoundException(ownerId);
		}
		return this.keys.issue(ownerId, request);
	}

}
