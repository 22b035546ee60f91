package dev.flowgate.gateway.it;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.gateway.domain.route.ManagementRoutes;
import dev.flowgate.gateway.domain.route.Route;
import dev.flowgate.gateway.domain.route.Upstream;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.ServiceControllers;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.internal.ProblemType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API's OpenAPI document and Swagger UI: readable without a key, and the
 * document names exactly the routes the gateway serves, its own and those it proxies.
 */
@FlowgateInfra
class ApiDocsTest {

	private static final String PROXY = "/v1/**";

	private static final Map<String, Upstream> SERVICES = Map.of("key-service", Upstream.KEY_SERVICE,
			"deployment-service", Upstream.DEPLOYMENT_SERVICE, "delivery-service", Upstream.DELIVERY_SERVICE);

	private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private final TestStack stack = TestStack.get();

	@Test
	void servesTheDocumentAndSwaggerUiWithoutAKey() {
		Http.Response yaml = Http.get(this.stack.a.url("/openapi.yaml"), Map.of());
		Http.Response json = Http.get(this.stack.a.url("/openapi.json"), Map.of());
		Http.Response docs = Http.get(this.stack.a.url("/docs"), Map.of());
		Http.Response index = Http.get(this.stack.a.url("/docs/index.html"), Map.of());
		Http.Response initializer = Http.get(this.stack.a.url("/docs/swagger-initializer.js"), Map.of());
		Http.Response bundle = Http.get(this.stack.a.url("/docs/swagger-ui-bundle.js"), Map.of());

		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
		assertThat(yaml.body()).startsWith("openapi: 3.1.0");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("openapi").asString()).isEqualTo("3.1.0");
		assertThat(json.json().get("info").get("title").asString()).isEqualTo("Flowgate API");
		assertThat(docs.status()).isEqualTo(302);
		assertThat(docs.header("Location")).endsWith("/docs/index.html");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("swagger-initializer.js");
		assertThat(initializer.status()).isEqualTo(200);
		assertThat(initializer.body()).contains("../openapi.yaml").doesNotContain("petstore");
		assertThat(bundle.status()).isEqualTo(200);
	}

	@Test
	void listsEveryErrorCodeAnExecutionCanEndWith() {
		JsonNode execution = Http.get(this.stack.a.url("/openapi.json"), Map.of())
			.json()
			.get("components")
			.get("schemas")
			.get("Execution");
		JsonNode codes = execution.get("properties").get("error").get("properties").get("code").get("enum");

		assertThat(codes.valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrderElementsOf(ExecutionError.CODES);
	}

	@Test
	void servesAPageForEachProblemTypeWithoutAKey() {
		Http.Response index = Http.get(this.stack.a.url("/problems"), Map.of());
		Http.Response limit = Http.get(this.stack.a.url("/problems/limit-reached"), Map.of());
		Http.Response unknown = Http.get(this.stack.a.url("/problems/no-such-problem"), Map.of());

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.header("Content-Type")).startsWith("text/html");
		for (ProblemType type : ProblemType.values()) {
			assertThat(index.body()).contains("<a href=\"/problems/" + type.slug() + "\">" + type.title() + "</a>");
		}
		assertThat(limit.status()).isEqualTo(200);
		assertThat(limit.header("Content-Type")).startsWith("text/html");
		assertThat(limit.body()).contains("<h1>Limit reached</h1>", "status 409", "<code>detail</code>");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unknown.json().get("detail").asString()).contains("no-such-problem");
	}

	@Test
	void servesNoOtherStaticFile() {
		for (String path : new String[] { "/application.yml", "/openapi/flowgate.yaml", "/docs/flowgate.yaml",
				"/webjars/swagger-ui/index.html", "/docs/META-INF/maven/org.webjars/swagger-ui/pom.properties",
				"/docs/%2e%2e/application.yml", "/docs/..%2fapplication.yml", "/index.html" }) {
			assertThat(Http.get(this.stack.a.url(path), Map.of()).status()).as(path).isIn(400, 404);
		}
	}

	@Test
	void documentsEveryRouteTheGatewayServesAndNoOther() {
		Set<String> served = new TreeSet<>();
		served.addAll(gatewayRoutes());
		SERVICES.forEach((module, upstream) -> served.addAll(proxiedRoutes(module, upstream)));

		Set<String> documented = documentedRoutes();

		assertThat(documented).containsAll(served);
		assertThat(served).containsAll(documented);
	}

	private Set<String> gatewayRoutes() {
		RequestMappingHandlerMapping mapping = this.stack.a.bean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> routes = new TreeSet<>();
		boolean proxied = false;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
			Set<String> patterns = handler.getKey().getPatternValues();
			if (patterns.contains(PROXY)) {
				proxied = true;
				continue;
			}
			if (handler.getValue().getBeanType().getSimpleName().equals("ProblemErrorController")) {
				continue;
			}
			Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
			assertThat(methods).as("methods of " + patterns).isNotEmpty();
			for (String pattern : patterns) {
				methods.forEach((method) -> routes.add(route(method.name(), pattern)));
			}
		}
		assertThat(proxied).as("the management proxy maps " + PROXY).isTrue();
		return routes;
	}

	/** A service's routes, each checked to be reachable through the gateway's proxy. */
	private static Set<String> proxiedRoutes(String module, Upstream upstream) {
		Set<String> routes = new TreeSet<>();
		for (ServiceControllers.Mapping mapping : ServiceControllers.of(module)) {
			String example = mapping.path().replaceAll("\\{[^}]+}", "x1");
			assertThat(ManagementRoutes.resolve(mapping.method(), example).map(Route::upstream))
				.as(mapping + " of " + module + " through the gateway")
				.contains(upstream);
			routes.add(route(mapping.method(), mapping.path()));
		}
		return routes;
	}

	private Set<String> documentedRoutes() {
		JsonNode paths = Http.get(this.stack.a.url("/openapi.json"), Map.of()).json().get("paths");
		Set<String> routes = new TreeSet<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				if (OPERATIONS.contains(method)) {
					routes.add(route(method, path));
				}
			}
		}
		return routes;
	}

	/** A method and a path template, parameter names left out. */
	private static String route(String method, String path) {
		return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]+}", "{}");
	}

}
