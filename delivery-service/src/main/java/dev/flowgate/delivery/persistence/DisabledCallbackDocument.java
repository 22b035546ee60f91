package dev.flowgate.delivery.persistence;

import java.time.Instant;

import dev.flowgate.delivery.domain.callback.DisabledCallback;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A callback URL of a deployment whose receiver answered 410. */
@Document(DisabledCallbackDocument.COLLECTION)
record DisabledCallbackDocument(@Id String id, String ownerId, String deploymentId, String callbackUrl,
		Instant disabledAt, String reason) {

	static final String COLLECTION = "disabled_callbacks";

	static final String ID = "_id";

	static final String OWNER_ID = "ownerId";

	static final String DEPLOYMENT_ID = "deploymentId";

	static final String CALLBACK_URL = "callbackUrl";

	static final String DISABLED_AT = "disabledAt";

	static DisabledCallbackDocument of(DisabledCallback disabled) {
		String id = disabled.ownerId() + "/" + disabled.deploymentId() + "/" + disabled.callbackUrl();
		return new DisabledCallbackDocument(id, disabled.ownerId(), disabled.deploymentId(), disabled.callbackUrl(),
				disabled.disabledAt(), disabled.reason());
	}

	DisabledCallback toDisabledCallback() {
		return new DisabledCallback(this.ownerId, this.deploymentId, this.callbackUrl, this.disabledAt, this.reason);
	}

}
