package dev.flowgate.keys.domain.owner;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.internal.DisplayNames;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.PageRequest;
import dev.flowgate.keys.domain.key.IssuedKey;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.OwnerKeys;

/** The platform admin's side: owners, and keys issued on an owner's behalf. */
public class OwnerService {

	private final OwnerStore owners;

	private final KeyIssuer issuer;

	private final OwnerKeys keys;

	private final Clock clock;

	public OwnerService(OwnerStore owners, KeyIssuer issuer, OwnerKeys keys, Clock clock) {
		this.owners = owners;
		this.issuer = issuer;
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
		DisplayNames.problem(name, Owner.MAX_NAME_LENGTH).ifPresent((problem) -> {
			throw new InvalidRequestException("name", problem);
		});
		Owner owner = new Owner(UUID.randomUUID().toString(), name,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.owners.insert(owner);
		try {
			return new RegisteredOwner(owner, this.issuer.issue(owner.id(), KeyRequest.firstKey()));
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

	/**
	 * A page of the owners, newest first, as the key list is paged: an operator who lost
	 * an owner's id finds it here.
	 * @param cursor the previous page's {@link Page#nextCursor()}, or {@code null} for
	 * the first page
	 * @param limit the most owners on the page, or {@code null} for
	 * {@link PageRequest#DEFAULT_LIMIT}
	 * @throws InvalidRequestException for a limit out of range or a cursor that is not
	 * from a page
	 */
	public Page<OwnerSummary> list(String cursor, Integer limit) {
		PageRequest request = PageRequest.of(cursor, limit);
		Page<Owner> page = request.pageOf(this.owners.findNewest(request.after(), request.fetchSize()),
				(owner) -> new PageCursor(owner.createdAt(), owner.id()));
		// One count for the whole page, not one per owner.
		Map<String, Long> activeKeys = this.keys.countActive(page.items().stream().map(Owner::id).toList());
		return page.map((owner) -> new OwnerSummary(owner, activeKeys.get(owner.id())));
	}

	/**
	 * @throws OwnerNotFoundException when there is no such owner
	 */
	public OwnerSummary get(String ownerId) {
		Owner owner = this.owners.find(ownerId).orElseThrow(() -> new OwnerNotFoundException(ownerId));
		return new OwnerSummary(owner, this.keys.countActive(List.of(ownerId)).get(ownerId));
	}

	public IssuedKey issueKey(String ownerId, KeyRequest request) {
		requireOwner(ownerId);
		return this.issuer.issue(ownerId, request);
	}

	/**
	 * Deactivates all the owner's keys; the admin issues a new one with {@link #issueKey}
	 * when the owner may work again.
	 * @return how many keys were active and are no longer
	 * @throws OwnerNotFoundException when there is no such owner
	 */
	public int deactivateKeys(String ownerId) {
		requireOwner(ownerId);
		return this.keys.deactivateAll(ownerId);
	}

	private void requireOwner(String ownerId) {
		if (!this.owners.exists(ownerId)) {
			throw new OwnerNotFoundException(ownerId);
		}
	}

}
