package dev.flowgate.keys.domain.key;

/**
 * The exclusive right, for a while, to publish one key's current state.
 *
 * @param key the state read when the claim was taken
 * @param token proves the claim when settling it
 */
public record PublicationClaim(ApiKey key, String token) {

}
