package dev.flowgate.delivery.domain.callback;

import java.util.List;

import dev.flowgate.delivery.domain.PageCursor;

/** One page of an owner's stops; {@code next} is {@code null} on the last page. */
public record DisabledCallbackPage(List<DisabledCallback> items, PageCursor next) {

}
