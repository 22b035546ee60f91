package dev.flowgate.delivery.persistence;

import java.time.Instant;

import dev.flowgate.delivery.domain.callback.DisabledCallback;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A deployment whose callbacks an owner's receiver answered 410 to. */
@Document(DisabledCallbackDocument.COLLECTION)
record DisabledCallbackDocument(@Id String id, String ownerId, String deploymentId, String callbackUrl,
		Instant disabledAt, String reason) {

	static final String COLLECTION = "disabled_callbacks";

	static final String OWNER_ID = "ownerId";

	static final String DISABLED_AT = "disabledAt";

	static String idOf(String ownerId, String deploymentId) {
		return ownerId + "/" + deploymentId;
	}

	static DisabledCallbackDocument of(DisabledCallback disabled) {
		return new DisabledCallbackDocument(idOf(disabled.ownerId(), disabled.deploymentId()), disabled.ownerId(),
				disabled.deploymentId(), disabled.callbackUrl(), disabled.disabledAt(), disabled.reason());
	}

	DisabledCallback toDisabledCallback() {
		return new DisabledCallback(this.ownerId, this.deploymentId, this.callbackUrl, this.disabledAt, this.reason);
	}

}
