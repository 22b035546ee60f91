package dev.flowgate.gateway.domain.route;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementRoutesTest {

	@Test
	void routesKeyServiceCalls() {
		assertRoute("POST", "/v1/owners", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("POST", "/v1/owners/o-1/keys", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("POST", "/v1/owners/o-1/keys/deactivate", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("GET", "/v1/owners", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("GET", "/v1/owners/o-1", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("DELETE", "/v1/owners/o-1", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("GET", "/v1/keys", Upstream.KEY_SERVICE, Access.MANAGE);
		assertRoute("POST", "/v1/keys/k-1/rotate", Upstream.KEY_SERVICE, Access.MANAGE);
	}

	@Test
	void routesDeploymentServiceCalls() {
		assertRoute("POST", "/v1/flows", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("PUT", "/v1/flows/f-1/versions/2", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("PATCH", "/v1/deployments/d-1", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("GET", "/v1/deployments/d-1/executions", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("GET", "/v1/executions/e-1", Upstream.DEPLOYMENT_SERVICE, Access.RUN);
		assertRoute("GET", "/v1/executions", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("POST", "/v1/executions/e-1/replay", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("POST", "/v1/executions/e-1/cancel", Upstream.DEPLOYMENT_SERVICE, Access.RUN);
		assertRoute("GET", "/v1/usage", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("GET", "/v1/usage/series", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
	}

	@Test
	void routesDeliveryServiceCalls() {
		assertRoute("GET", "/v1/executions/e-1/deliveries", Upstream.DELIVERY_SERVICE, Access.MANAGE);
		assertRoute("GET", "/v1/deliveries/x-1", Upstream.DELIVERY_SERVICE, Access.MANAGE);
		assertRoute("POST", "/v1/webhook-secret", Upstream.DELIVERY_SERVICE, Access.MANAGE);
		assertRoute("GET", "/v1/callbacks/disabled", Upstream.DELIVERY_SERVICE, Access.MANAGE);
		assertRoute("POST", "/v1/callbacks/d-1/enable", Upstream.DELIVERY_SERVICE, Access.MANAGE);
	}

	@Test
	void routesHeadWhereverGetGoesUnderTheSameRules() {
		assertRoute("HEAD", "/v1/executions/e-1", Upstream.DEPLOYMENT_SERVICE, Access.RUN);
		assertRoute("HEAD", "/v1/executions/e-1/deliveries", Upstream.DELIVERY_SERVICE, Access.MANAGE);
		assertRoute("HEAD", "/v1/usage", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("HEAD", "/v1/usage/series", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE);
		assertRoute("HEAD", "/v1/keys/k-1", Upstream.KEY_SERVICE, Access.MANAGE);
		assertRoute("HEAD", "/v1/owners", Upstream.KEY_SERVICE, Access.ADMIN);
		assertRoute("HEAD", "/v1/owners/o-1", Upstream.KEY_SERVICE, Access.ADMIN);
		assertThat(ManagementRoutes.resolve("HEAD", "/v1/owners/o-1/keys")).as("no GET there either").isEmpty();
	}

	@Test
	void saysWhichMethodsAKnownPathTakes() {
		assertThat(ManagementRoutes.allowedMethods("/v1/usage")).containsExactly("GET", "HEAD");
		assertThat(ManagementRoutes.allowedMethods("/v1/owners")).containsExactly("GET", "HEAD", "POST");
		assertThat(ManagementRoutes.allowedMethods("/v1/owners/o-1")).containsExactly("GET", "HEAD", "DELETE");
		assertThat(ManagementRoutes.allowedMethods("/v1/owners/o-1/keys")).containsExactly("POST");
		assertThat(ManagementRoutes.allowedMethods("/v1/keys/k-1")).contains("GET", "HEAD", "POST", "PATCH", "DELETE");
	}

	@Test
	void knowsNoMethodsAtAnUnknownPath() {
		assertThat(ManagementRoutes.allowedMethods("/v1/unknown")).isEmpty();
		assertThat(ManagementRoutes.allowedMethods("/v1/usage/d-1")).isEmpty();
		assertThat(ManagementRoutes.allowedMethods("/v1/owners/o-1/other")).isEmpty();
		assertThat(ManagementRoutes.allowedMethods("/v1/owners/")).isEmpty();
		assertThat(ManagementRoutes.allowedMethods("/v1/keys/..;/owners")).isEmpty();
	}

	@Test
	void ownsNothingElse() {
		assertThat(ManagementRoutes.resolve("PATCH", "/v1/owners/o-1")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v1/owners/o-1/keys")).isEmpty();
		assertThat(ManagementRoutes.resolve("DELETE", "/v1/owners/o-1/keys")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v1/owners/o-1/other")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v1/unknown")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v1/keysmith")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v2/keys")).isEmpty();
		assertThat(ManagementRoutes.resolve("POST", "/v1/usage")).isEmpty();
		assertThat(ManagementRoutes.resolve("GET", "/v1/usage/d-1")).isEmpty();
	}

	@Test
	void refusesPathsThatCouldReachAnotherRoute() {
		assertThat(ManagementRoutes.resolve("POST", "/v1/keys/../owners")).isEmpty();
		assertThat(ManagementRoutes.resolve("POST", "/v1/keys/..;/owners")).isEmpty();
		assertThat(ManagementRoutes.resolve("POST", "/v1/keys/%2e%2e/owners")).isEmpty();
		assertThat(ManagementRoutes.resolve("POST", "/v1/keys/a%2Fb")).isEmpty();
	}

	private static void assertRoute(String method, String path, Upstream upstream, Access access) {
		assertThat(ManagementRoutes.resolve(method, path)).contains(new Route(upstream, access));
	}

}
