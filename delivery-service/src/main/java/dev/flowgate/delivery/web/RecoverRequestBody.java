package dev.flowgate.delivery.web;

import java.time.Instant;

/**
 * {@code POST /v1/deliveries/recover}'s body, optional.
 *
 * @param since only deliveries created at or after this instant; {@code null}: all kept
 * @param cursor the previous call's {@code nextCursor} (with the same {@code since}), or
 * {@code null} to start at the oldest
 */
record RecoverRequestBody(Instant since, String cursor) {

}
