package dev.flowgate.delivery.web;

import java.time.Duration;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's webhook signing secret: metadata, and rotation (which shows a secret once).
 */
@RestController
class WebhookSecretController {

	private final WebhookSecrets secrets;

	WebhookSecretController(WebhookSecrets secrets) {
		this.secrets = secrets;
	}

	@GetMapping("/v1/webhook-secret")
	WebhookSecretResource get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId) {
		return WebhookSecretResource.metadata(this.secrets.current(ownerId));
	}

	@PostMapping("/v1/webhook-secret/rotate")
	WebhookSecretResource rotate(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestBody(required = false) RotateRequestBody body) {
		Long seconds = (body != null) ? body.overlapSeconds() : null;
		return WebhookSecretResource
			.issued(this.secrets.rotate(ownerId, (seconds != null) ? Duration.ofSeconds(seconds) : null));
	}

}
