package dev.flowgate.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractTest {

	private static final String DOCUMENT = """
			openapi: 3.1.0
			info: {title: tiny, version: '1'}
			paths:
			  /v1/things/{thingId}:
			    get:
			      responses:
			        '200':
			          description: A thing.
			          content:
			            application/json:
			              schema:
			                $ref: '#/components/schemas/Thing'
			        '404':
			          $ref: '#/components/responses/NotFound'
			  /v1/things/count:
			    get:
			      responses:
			        '200':
			          description: How many.
			          content:
			            application/json:
			              schema: {type: integer}
			components:
			  responses:
			    NotFound:
			      description: None.
			      content:
			        application/problem+json:
			          schema:
			            type: object
			            required: [status]
			            properties:
			              status: {type: integer}
			  schemas:
			    Thing:
			      type: object
			      required: [id]
			      additionalProperties: false
			      properties:
			        id: {type: string}
			        createdAt: {type: string, format: date-time}
			""";

	private final OpenApiContract contract = OpenApiContract.parse(DOCUMENT);

	@Test
	void passesABodyThatMatchesTheDocumentedSchema() {
		this.contract.answered("GET", "/v1/things/t1",
				json(200, "{\"id\":\"t1\",\"createdAt\":\"2026-12-07T10:00:00Z\"}"));
		this.contract.answered("GET", "/v1/things/count", json(200, "3"));

		assertThat(this.contract.violations()).isEmpty();
		assertThat(this.contract.checked()).isEqualTo(2);
	}

	@Test
	void namesEachWayABodyBreaksTheSchema() {
		this.contract.answered("GET", "/v1/things/t1", json(200, "{\"createdAt\":\"yesterday\",\"colour\":\"red\"}"));

		List<String> problems = this.contract.violations().stream().map(OpenApiContract.Violation::toString).toList();
		assertThat(problems).hasSize(3)
			.allSatisfy((problem) -> assertThat(problem).startsWith("GET /v1/things/t1 200: /v1/things/{thingId}: "))
			.anySatisfy((problem) -> assertThat(problem).contains("id"))
			.anySatisfy((problem) -> assertThat(problem).contains("colour"))
			.anySatisfy((problem) -> assertThat(problem).contains("date-time"));
	}

	@Test
	void checksAReferencedResponseAndItsMediaType() {
		this.contract.answered("GET", "/v1/things/t1",
				new Api.Response(404, "{\"status\":\"404\"}", "application/problem+json", Map.of()));
		this.contract.answered("GET", "/v1/things/t2", json(404, "{\"status\":404}"));

		assertThat(this.contract.violations()).extracting(OpenApiContract.Violation::problem)
			.satisfiesExactly((problem) -> assertThat(problem).contains("/status").contains("integer"),
					(problem) -> assertThat(problem).isEqualTo(
							"/v1/things/{thingId}: answers application/json, documented: [application/problem+json]"));
	}

	@Test
	void refusesAnUndocumentedStatusMethodOrPath() {
		this.contract.answered("GET", "/v1/things/t1", json(500, "{}"));
		this.contract.answered("DELETE", "/v1/things/t1", new Api.Response(204, "", "", Map.of()));
		this.contract.answered("GET", "/v1/others", json(200, "{}"));

		assertThat(this.contract.violations()).extracting(OpenApiContract.Violation::problem)
			.containsExactly("/v1/things/{thingId}: status not documented (documented: 200, 404)",
					"/v1/things/{thingId}: method not documented", "no such path in the document");
	}

	@Test
	void listsAnAnswerRepeatedByPollingOnce() {
		this.contract.answered("GET", "/v1/things/t1", json(200, "{}"));
		this.contract.answered("GET", "/v1/things/t1", json(200, "{}"));

		assertThat(this.contract.violations()).hasSize(1);
		assertThat(this.contract.checked()).isEqualTo(2);
	}

	@Test
	void leavesTheCompatibleApisAlone() {
		this.contract.answered("POST", "/node/deployment-trigger/d1/", json(200, "{\"status\":\"success\"}"));
		this.contract.answered("POST", "/flux/api-v2", json(200, "{}"));

		assertThat(this.contract.violations()).isEmpty();
		assertThat(this.contract.checked()).isZero();
	}

	@Test
	void readsTheGatewayDocumentAndItsReferences() {
		OpenApiContract gateway = OpenApiContract.load(OpenApiContract.GATEWAY_DOCUMENT);

		gateway.answered("GET", "/v1/deployments/d1/executions", json(200,
				"{\"items\":[{\"id\":\"e1\",\"deployment_id\":\"d1\",\"status\":\"lost\"}],\"nextCursor\":null}"));

		assertThat(gateway.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.problem()).contains("/items/0/status"));
	}

	private static Api.Response json(int status, String body) {
		return new Api.Response(status, body, "application/json;charset=UTF-8", Map.of());
	}

}
