package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where results go. Either part may be {@code null}.
 *
 * @param allowCallbackOverride whether a trigger may name its own callback URL
 */
public record DeliveryTarget(String callbackUrl, String email, boolean allowCallbackOverride) {

	public static final DeliveryTarget NONE = new DeliveryTarget(null, null, false);

	/**
	 * Reads events written before the override flag existed: absent means not allowed.
	 */
	@JsonCreator
	static DeliveryTarget fromJson(@JsonProperty("callbackUrl") String callbackUrl, @JsonProperty("email") String email,
			@JsonProperty("allowCallbackOverride") Boolean allowCallbackOverride) {
		return new DeliveryTarget(callbackUrl, email, Boolean.TRUE.equals(allowCallbackOverride));
	}

	@JsonIgnore
	public boolean isEmpty() {
		return (this.callbackUrl == null || this.callbackUrl.isBlank()) && (this.email == null || this.email.isBlank());
	}

}
