package dev.flowgate.keys.web;

import java.time.Instant;
import java.util.List;

import dev.flowgate.keys.domain.key.KeyPage;

/**
 * A page of the owner's keys, newest first; {@code nextCursor} is {@code null} on the
 * last.
 */
record KeyPageResource(List<KeyResource> items, String nextCursor) {

	static KeyPageResource of(KeyPage page, Instant now) {
		return new KeyPageResource(page.items().stream().map((key) -> KeyResource.of(key, now)).toList(),
				page.nextCursor());
	}

}
