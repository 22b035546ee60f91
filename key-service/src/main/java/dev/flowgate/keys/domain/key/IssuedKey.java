package dev.flowgate.keys.domain.key;

/** A key together with its secret, which exists only in this answer. */
public record IssuedKey(ApiKey key, KeySecret secret) {

}
