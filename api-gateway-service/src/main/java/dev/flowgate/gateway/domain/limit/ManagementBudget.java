package dev.flowgate.gateway.domain.limit;

/**
 * Whose allowance of management calls a call is taken from: an owner's, shared by its
 * keys with {@code manage} access, or one key's own.
 *
 * @param holder an owner or a key
 * @param id the owner's or the key's id
 */
public record ManagementBudget(Holder holder, String id) {

	/** What holds a budget. */
	public enum Holder {

		OWNER, KEY

	}

	public static ManagementBudget ofOwner(String ownerId) {
		return new ManagementBudget(Holder.OWNER, ownerId);
	}

	public static ManagementBudget ofKey(String keyId) {
		return new ManagementBudget(Holder.KEY, keyId);
	}

	/** Names the limit in a refusal. */
	String describe(int perMinute) {
		String whose = (this.holder == Holder.OWNER) ? "The owner's" : "This API key's";
		return whose + " rate limit of " + perMinute + " management API requests per minute";
	}

}
