package dev.flowgate.keys.web;

import java.net.URI;
import java.time.Clock;

import dev.flowgate.keys.domain.owner.OwnerDeletions;
import dev.flowgate.keys.domain.owner.OwnerService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners and keys on their behalf: platform admin only ({@link AdminOnlyInterceptor}).
 */
@RestController
@RequestMapping("/v1/owners")
class OwnerController {

	private final OwnerService owners;

	private final OwnerDeletions deletions;

	private final Clock clock;

	OwnerController(OwnerService owners, OwnerDeletions deletions, Clock clock) {
		this.owners = owners;
		this.deletions = deletions;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<RegisteredOwnerResource> register(@RequestBody OwnerRequestBody body) {
		RegisteredOwnerResource registered = RegisteredOwnerResource.of(this.owners.register(body.name()),
				this.clock.instant());
		return ResponseEntity.created(URI.create("/v1/owners/" + registered.owner().id())).body(registered);
	}

	@GetMapping
	PageResource<OwnerSummaryResource> list(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		return PageResource.of(this.owners.list(cursor, limit), OwnerSummaryResource::of);
	}

	@GetMapping("/{ownerId}")
	OwnerSummaryResource get(@PathVariable String ownerId) {
		return OwnerSummaryResource.of(this.owners.get(ownerId));
	}

	/**
	 * Gone from key-service at once; its keys stop working and the other services erase
	 * its data moments later.
	 */
	@DeleteMapping("/{ownerId}")
	ResponseEntity<Void> delete(@PathVariable String ownerId) {
		this.deletions.delete(ownerId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{ownerId}/keys")
	ResponseEntity<KeyResource> issueKey(@PathVariable String ownerId, @RequestBody KeyRequestBody body) {
		return KeyController.created(this.owners.issueKey(ownerId, body.toRequest()), this.clock);
	}

	@PostMapping("/{ownerId}/keys/deactivate")
	DeactivatedKeys deactivateKeys(@PathVariable String ownerId) {
		return new DeactivatedKeys(this.owners.deactivateKeys(ownerId));
	}

	/**
	 * @param deactivated how many keys were active and are no longer
	 */
	record DeactivatedKeys(int deactivated) {
	}

}
