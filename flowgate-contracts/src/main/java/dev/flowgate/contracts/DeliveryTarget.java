package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where results go. Either part may be {@code null}.
 *
 * @param allowCallbackOverride whether a trigger may name its own callback URL
 */
public record DeliveryTarget(String callbackUrl, String email, boolean allowCallbackOverride) {

	public static final DeliveryTarget NONE = new DeliveryTarget(null, null, false);

	@JsonIgnore
	public boolean isEmpty() {
		return (this.callbackUrl == null || this.callbackUrl.isBlank()) && (this.email == null || this.email.isBlank());
	}

}
