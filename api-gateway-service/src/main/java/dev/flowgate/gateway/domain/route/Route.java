package dev.flowgate.gateway.domain.route;

/** Where a management call goes and what it needs. */
public record Route(Upstream upstream, Access access) {
}
