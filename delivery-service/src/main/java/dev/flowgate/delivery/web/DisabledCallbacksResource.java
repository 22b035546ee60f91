package dev.flowgate.delivery.web;

import java.util.List;

/** The owner's disabled callbacks. */
record DisabledCallbacksResource(List<DisabledCallbackResource> disabled) {
}
