package dev.flowgate.keys.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.keys.domain.key.IssuedKey;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.KeyService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The calling owner's keys. */
@RestController
@RequestMapping("/v1/keys")
class KeyController {

	private final KeyIssuer issuer;

	private final KeyService keys;

	private final Clock clock;

	KeyController(KeyIssuer issuer, KeyService keys, Clock clock) {
		this.issuer = issuer;
		this.keys = keys;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<KeyResource> create(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestHeader(name = InternalHeaders.KEY_ID, required = false) String callingKeyId,
			@RequestBody KeyRequestBody body) {
		return created(this.issuer.issue(ownerId, body.toRequest(), callingKeyId), this.clock);
	}

	@GetMapping
	PageResource<KeyResource> list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		Instant now = this.clock.instant();
		return PageResource.of(this.keys.list(ownerId, cursor, limit), (key) -> KeyResource.of(key, now));
	}

	@GetMapping("/{keyId}")
	KeyResource get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String keyId) {
		return KeyResource.of(this.keys.get(ownerId, keyId), this.clock.instant());
	}

	@PatchMapping("/{keyId}")
	KeyResource change(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestHeader(name = InternalHeaders.KEY_ID, required = false) String callingKeyId,
			@PathVariable String keyId, @RequestBody(required = false) KeyChangesBody body) {
		KeyChangesBody changes = (body != null) ? body : KeyChangesBody.NONE;
		return KeyResource.of(this.keys.change(ownerId, keyId, changes.toChanges(), callingKeyId),
				this.clock.instant());
	}

	@PostMapping("/{keyId}/deactivate")
	KeyResource deactivate(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String keyId) {
		return KeyResource.of(this.keys.deactivate(ownerId, keyId), this.clock.instant());
	}

	@PostMapping("/{keyId}/activate")
	KeyResource activate(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String keyId) {
		return KeyResource.of(this.keys.activate(ownerId, keyId), this.clock.instant());
	}

	@PostMapping("/{keyId}/rotate")
	KeyResource rotate(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestHeader(name = InternalHeaders.KEY_ID, required = false) String callingKeyId,
			@RequestHeader(name = InternalHeaders.KEY_SECRET, required = false) String callingSecret,
			@PathVariable String keyId, @RequestBody(required = false) RotateRequestBody body) {
		RotateRequestBody rotation = (body != null) ? body : RotateRequestBody.NONE;
		boolean withPreviousSecret = InternalHeaders.PREVIOUS_SECRET.equals(callingSecret);
		return KeyResource.issued(
				this.keys.rotate(ownerId, keyId, rotation.gracePeriod(), callingKeyId, withPreviousSecret),
				this.clock.instant());
	}

	@DeleteMapping("/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String keyId) {
		this.keys.delete(ownerId, keyId);
	}

	static ResponseEntity<KeyResource> created(IssuedKey issued, Clock clock) {
		URI location = URI.create("/v1/keys/" + issued.key().id());
		return ResponseEntity.created(location).body(KeyResource.issued(issued, clock.instant()));
	}

}
