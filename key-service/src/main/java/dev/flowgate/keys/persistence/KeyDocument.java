package dev.flowgate.keys.persistence;

import java.time.Instant;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyCredential;
import dev.flowgate.keys.domain.key.KeyPermissions;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A stored key with its outbox bookkeeping: {@code publishedVersion} trails
 * {@code version} until the topic has the state, and {@code claimToken} marks the one
 * publisher currently sending it.
 */
@Document(KeyDocument.COLLECTION)
record KeyDocument(@Id String id, String ownerId, String name, String hint, String secretHash,
		String previousSecretHash, Instant previousSecretValidUntil, Set<KeyScope> scopes, Set<String> deploymentIds,
		Instant expiresAt, Integer rateLimitPerMinute, KeyStatus status, Instant createdAt, Instant lastUsedAt,
		Instant rotatedAt, long version, long publishedVersion, boolean deleted, String claimToken,
		Instant claimedUntil, Boolean pending) {

	static final String COLLECTION = "keys";

	static final String ID = "_id";

	static final String OWNER_ID = "ownerId";

	static final String CREATED_AT = "createdAt";

	static final String LAST_USED_AT = "lastUsedAt";

	static final String STATUS = "status";

	static final String EXPIRES_AT = "expiresAt";

	static final String VERSION = "version";

	static final String PUBLISHED_VERSION = "publishedVersion";

	static final String DELETED = "deleted";

	static final String CLAIM_TOKEN = "claimToken";

	static final String CLAIMED_UNTIL = "claimedUntil";

	/**
	 * When a deleted key's document goes (a TTL index): once the topic may have dropped
	 * its tombstone. Not mapped: nothing reads it.
	 */
	static final String FORGET_AT = "forgetAt";

	static KeyDocument unpublished(ApiKey key) {
		KeyCredential credential = key.credential();
		KeyPermissions permissions = key.permissions();
		return new KeyDocument(key.id(), key.ownerId(), key.name(), credential.hint(), credential.secretHash(),
				credential.previousSecretHash(), credential.previousSecretValidUntil(), permissions.scopes(),
				permissions.deploymentIds(), permissions.expiresAt(), permissions.rateLimitPerMinute(), key.status(),
				key.createdAt(), key.lastUsedAt(), key.rotatedAt(), key.version(), 0, key.deleted(), null, null, true);
	}

	/** Sets the key's state, but neither its last use nor the outbox bookkeeping. */
	static Update stateOf(ApiKey key) {
		KeyCredential credential = key.credential();
		KeyPermissions permissions = key.permissions();
		return new Update().set("name", key.name())
			.set("hint", credential.hint())
			.set("secretHash", credential.secretHash())
			.set("previousSecretHash", credential.previousSecretHash())
			.set("previousSecretValidUntil", credential.previousSecretValidUntil())
			.set("scopes", permissions.scopes())
			.set("deploymentIds", permissions.deploymentIds())
			.set(EXPIRES_AT, permissions.expiresAt())
			.set("rateLimitPerMinute", permissions.rateLimitPerMinute())
			.set(STATUS, key.status())
			.set("rotatedAt", key.rotatedAt())
			.set(VERSION, key.version())
			.set(DELETED, key.deleted());
	}

	ApiKey toKey() {
		return new ApiKey(this.id, this.ownerId, this.name,
				new KeyCredential(this.hint, this.secretHash, this.previousSecretHash, this.previousSecretValidUntil),
				new KeyPermissions(this.scopes, this.deploymentIds, this.expiresAt, this.rateLimitPerMinute),
				this.status, this.createdAt, this.lastUsedAt, this.rotatedAt, this.version, this.deleted);
	}

}
