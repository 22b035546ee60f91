package dev.flowgate.delivery.web;

import java.time.Instant;

/**
 * {@code POST /v1/deliveries/recover}'s body, optional.
 *
 * @param since only deliveries created at or after this instant; {@code null}: all kept
 */
record RecoverRequestBody(Instant since) {

}
