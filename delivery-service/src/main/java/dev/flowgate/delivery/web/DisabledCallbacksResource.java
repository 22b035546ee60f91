package dev.flowgate.delivery.web;

import java.util.List;

import dev.flowgate.delivery.domain.callback.DisabledCallbackPage;

/**
 * A page of the owner's disabled callbacks, newest first; {@code nextCursor} is
 * {@code null} on the last.
 */
record DisabledCallbacksResource(List<DisabledCallbackResource> items, String nextCursor) {

	static DisabledCallbacksResource of(DisabledCallbackPage page) {
		return new DisabledCallbacksResource(page.items().stream().map(DisabledCallbackResource::of).toList(),
				(page.next() != null) ? page.next().encode() : null);
	}

}
