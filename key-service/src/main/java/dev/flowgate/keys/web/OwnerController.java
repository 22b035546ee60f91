package dev.flowgate.keys.web;

import java.time.Clock;

import dev.flowgate.keys.domain.owner.OwnerService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners and keys on their behalf: platform admin only ({@link AdminOnlyInterceptor}).
 */
@RestController
@RequestMapping("/v1/owners")
class OwnerController {

	private final OwnerService owners;

	private final Clock clock;

	OwnerController(OwnerService owners, Clock clock) {
		this.owners = owners;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RegisteredOwnerResource register(@RequestBody OwnerRequestBody body) {
		return RegisteredOwnerResource.of(this.owners.register(body.name()), this.clock.instant());
	}

	@PostMapping("/{ownerId}/keys")
	ResponseEntity<KeyResource> issueKey(@PathVariable String ownerId, @RequestBody KeyRequestBody body) {
		return KeyController.created(this.owners.issueKey(ownerId, body.toRequest()), this.clock);
	}

}
