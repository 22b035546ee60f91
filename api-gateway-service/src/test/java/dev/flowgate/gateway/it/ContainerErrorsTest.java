package dev.flowgate.gateway.it;

import java.util.Map;

import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors raised before any controller, by Tomcat or a filter: problems about the path the
 * client called, not the error page's.
 */
@FlowgateInfra
class ContainerErrorsTest {

	private final TestStack stack = TestStack.get();

	@Test
	void namesThePathCalledWhenTomcatForwardsItsRefusalToTheErrorPage() {
		Http.Response refused = Http.get(this.stack.a.url("/WEB-INF/web.xml"), Map.of());

		assertProblem(refused, 404, "No resource at GET /WEB-INF/web.xml");
		assertThat(refused.json().get("instance").asString()).isEqualTo("/WEB-INF/web.xml");
	}

	@Test
	void namesThePathCalledWhenTomcatRefusesAMalformedRequestItself() {
		Http.Response target = Http.get(this.stack.a.url("/v1/a%00b"), Map.of());
		// Larger than server.max-http-request-header-size (8 KB).
		Http.Response header = Http.get(this.stack.a.url("/v1/flows"), Map.of("X-Large", "x".repeat(10_000)));

		assertProblem(target, 400, "malformed");
		assertThat(target.json().get("instance").asString()).isEqualTo("/v1/a%00b");
		assertProblem(header, 400, "a header");
		assertThat(header.json().get("instance").asString()).isEqualTo("/v1/flows");
	}

}
