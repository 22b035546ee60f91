package dev.flowgate.gateway.it;

import java.time.Duration;
import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A web page of an allowed origin calls a trigger as aicuflow's browser client does: a
 * preflight first, then the call, whose rate limit headers the page may read.
 */
@FlowgateInfra
class CorsTest {

	private static final String PAGE = "https://app.example.com";

	/** Where the gateway is reached, its own pages (/docs) included. */
	private static final String PUBLIC_URL = "https://api.flowgate.test/";

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void aPageOfAnAllowedOriginMayCallATrigger() {
		DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
				Behaviour.ECHO);
		try (GatewayApp gateway = this.stack.startGateway("gw-cors", Map.of("flowgate.gateway.cors.allowed-origins",
				"https://*.example.com", "flowgate.gateway.public-url", PUBLIC_URL))) {
			String url = gateway.url("/node/deployment-trigger/" + deployment.deploymentId() + "/");

			Http.Response preflight = Http.send("OPTIONS", url, preflightFrom(PAGE), null);

			assertThat(preflight.status()).isEqualTo(200);
			assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
			assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-api-key");
			Http.Response call = await().atMost(Duration.ofSeconds(20))
				.until(() -> Http.post(url, Map.of("X-API-Key", this.tenant.key(), "Origin", PAGE), "{}"),
						(answer) -> answer.status() == 200);
			assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
			assertThat(call.header("Access-Control-Expose-Headers")).contains("RateLimit-Remaining",
					"Idempotent-Replayed");
			assertThat(call.json().get("status").asString()).isEqualTo("success");
			Http.Response wrongMethod = Http.send("GET", url, Map.of("Origin", PAGE), null);
			assertThat(wrongMethod.status()).isEqualTo(405);
			assertThat(wrongMethod.header("Access-Control-Allow-Origin")).as("an answer given before any controller")
				.isEqualTo(PAGE);
			Http.Response ownPages = Http.send("OPTIONS", url, preflightFrom("https://api.flowgate.test"), null);
			assertThat(ownPages.header("Access-Control-Allow-Origin")).as("the gateway's public origin")
				.isEqualTo("https://api.flowgate.test");
			Http.Response elsewhere = Http.send("OPTIONS", url, preflightFrom("https://evil.example.org"), null);
			assertThat(elsewhere.status()).isEqualTo(403);
			assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
		}
	}

	@Test
	void aPageOfAnAllowedOriginMayReadTheErrorsTomcatRaisesItself() {
		try (GatewayApp gateway = this.stack.startGateway("gw-cors-errors",
				Map.of("flowgate.gateway.cors.allowed-origins", "https://*.example.com"))) {
			// Refused by Tomcat before any filter, answered by its error report valve.
			Http.Response brokenEscape = Http.rawPost(gateway.url(""), "/node/deployment-trigger/%zz/",
					Map.of("Origin", PAGE), "{}");
			// Refused by Tomcat before any filter, then forwarded to /error.
			Http.Response protectedPath = Http.get(gateway.url("/WEB-INF/web.xml"), Map.of("Origin", PAGE));
			Http.Response elsewhere = Http.rawPost(gateway.url(""), "/node/deployment-trigger/%zz/",
					Map.of("Origin", "https://evil.example.org"), "{}");

			assertThat(brokenEscape.status()).isEqualTo(400);
			assertThat(brokenEscape.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
			assertThat(brokenEscape.json().get("message").asString()).as("in aicuflow's shape")
				.isEqualTo("Bad Request");
			assertThat(protectedPath.status()).isEqualTo(404);
			assertThat(protectedPath.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
			assertThat(elsewhere.status()).isEqualTo(400);
			assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
		}
	}

	@Test
	void noPageMayCallUnlessItsOriginIsAllowed() {
		Http.Response preflight = Http.send("OPTIONS", this.stack.a.url("/node/deployment-trigger/any/"),
				preflightFrom(PAGE), null);
		Http.Response brokenEscape = Http.rawPost(this.stack.a.url(""), "/node/deployment-trigger/%zz/",
				Map.of("Origin", PAGE), "{}");

		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		assertThat(brokenEscape.status()).isEqualTo(400);
		assertThat(brokenEscape.header("Access-Control-Allow-Origin")).isNull();
	}

	private static Map<String, String> preflightFrom(String origin) {
		return Map.of("Origin", origin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
				"x-api-key,content-type");
	}

}
