package dev.flowgate.gateway.domain.route;

/** The services behind the gateway that own management routes. */
public enum Upstream {

	KEY_SERVICE, DEPLOYMENT_SERVICE, DELIVERY_SERVICE

}
