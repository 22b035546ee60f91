package dev.flowgate.keys.domain.key;

import java.time.Duration;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.owner.OwnerService;
import dev.flowgate.keys.domain.owner.OwnerStore;

/** The key domain over in-memory stores and a recording publisher. */
final class InMemoryKeys {

	static final Duration SELF_ROTATION_GRACE = Duration.ofSeconds(60);

	private static final Duration CLAIM = Duration.ofSeconds(60);

	private static final Duration LONGEST_SEND = Duration.ofSeconds(35);

	private final MutableClock clock;

	private final InMemoryKeyStore store;

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final InMemoryDeploymentDirectory deployments = new InMemoryDeploymentDirectory();

	private final KeyPublication publication;

	private final KeyIssuer issuer;

	private final KeyService keys;

	private final OwnerKeys ownerKeys;

	/**
	 * @param publicationBatch how many keys the outbox relay publishes at a time
	 */
	InMemoryKeys(MutableClock clock, InMemoryKeyStore store, DeletedOwners deletedOwners, int keysPerOwner,
			int publicationBatch) {
		this.clock = clock;
		this.store = store;
		this.publication = new KeyPublication(store, this.publisher, clock, CLAIM, LONGEST_SEND, publicationBatch);
		this.issuer = new KeyIssuer(store, this.publication, this.deployments, deletedOwners, clock, keysPerOwner);
		this.keys = new KeyService(store, this.publication, this.deployments, clock, SELF_ROTATION_GRACE);
		this.ownerKeys = new OwnerKeys(store, this.publication, clock);
	}

	InMemoryKeys(MutableClock clock, int keysPerOwner) {
		this(clock, new InMemoryKeyStore(), DeletedOwners.NONE, keysPerOwner, 10);
	}

	OwnerService owners(OwnerStore owners) {
		return new OwnerService(owners, this.issuer, this.ownerKeys, this.clock);
	}

	InMemoryKeyStore store() {
		return this.store;
	}

	RecordingPublisher publisher() {
		return this.publisher;
	}

	InMemoryDeploymentDirectory deployments() {
		return this.deployments;
	}

	KeyPublication publication() {
		return this.publication;
	}

	KeyIssuer issuer() {
		return this.issuer;
	}

	KeyService keys() {
		return this.keys;
	}

	OwnerKeys ownerKeys() {
		return this.ownerKeys;
	}

}
