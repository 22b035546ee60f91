package dev.flowgate.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
			  /v1/parts/{partId}:
			    get:
			      responses:
			        '200':
			          description: A part.
			          content:
			            application/json:
			              schema:
			                $ref: '#/components/schemas/Part'
			  /v1/parts/{partId}/labelled:
			    get:
			      responses:
			        '200':
			          description: A part with its labels.
			          content:
			            application/json:
			              schema:
			                $ref: '#/components/schemas/LabelledPart'
			  /v1/parts:
			    get:
			      responses:
			        '200':
			          description: Some parts.
			          content:
			            application/json:
			              schema:
			                type: object
			                properties:
			                  items:
			                    type: array
			                    items:
			                      $ref: '#/components/schemas/Part'
			                  first:
			                    oneOf:
			                      - $ref: '#/components/schemas/Part'
			                      - type: 'null'
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
			    Part:
			      type: object
			      required: [id]
			      properties:
			        id: {type: string}
			        size:
			          type: [object, 'null']
			          properties:
			            width: {type: integer}
			    LabelledPart:
			      allOf:
			        - $ref: '#/components/schemas/Part'
			        - type: object
			          properties:
			            labels:
			              type: object
			              additionalProperties: true
			            counts:
			              type: object
			              additionalProperties: {type: integer}
			            spec:
			              type: object
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
	void refusesAMemberTheDocumentDoesNotDescribe() {
		this.contract.answered("GET", "/v1/parts/p1",
				json(200, "{\"id\":\"p1\",\"colour\":\"red\",\"size\":{\"width\":3,\"depth\":4}}"));
		this.contract.answered("GET", "/v1/parts", json(200, "{\"items\":[{\"id\":\"p2\",\"weight\":1}]}"));

		assertThat(this.contract.violations()).extracting(OpenApiContract.Violation::problem)
			.satisfiesExactlyInAnyOrder((problem) -> assertThat(problem).contains("colour"),
					(problem) -> assertThat(problem).contains("/size").contains("depth"),
					(problem) -> assertThat(problem).contains("/items/0").contains("weight"));
	}

	@Test
	void leavesTheMapsTheDocumentDeclaresOpenOpen() {
		this.contract.answered("GET", "/v1/parts/p1/labelled", json(200,
				"{\"id\":\"p1\",\"labels\":{\"any\":\"thing\",\"n\":1},\"counts\":{\"a\":1},\"spec\":{\"free\":true}}"));
		assertThat(this.contract.violations()).isEmpty();

		this.contract.answered("GET", "/v1/parts/p2/labelled", json(200, "{\"id\":\"p2\",\"counts\":{\"a\":\"x\"}}"));
		assertThat(this.contract.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.problem()).contains("/counts/a").contains("integer"));
	}

	@Test
	void closesAComposedSchemaOverTheMembersOfAllItsParts() {
		this.contract.answered("GET", "/v1/parts/p1/labelled",
				json(200, "{\"id\":\"p1\",\"size\":{\"width\":1},\"labels\":{}}"));
		this.contract.answered("GET", "/v1/parts", json(200, "{\"first\":null}"));
		this.contract.answered("GET", "/v1/parts", json(200, "{\"first\":{\"id\":\"p1\"}}"));
		assertThat(this.contract.violations()).isEmpty();

		this.contract.answered("GET", "/v1/parts/p2/labelled", json(200, "{\"id\":\"p2\",\"colour\":\"red\"}"));
		this.contract.answered("GET", "/v1/parts/p3", json(200, "{\"id\":\"p3\",\"labels\":{}}"));
		this.contract.answered("GET", "/v1/parts", json(200, "{\"first\":{\"id\":\"p4\",\"colour\":\"red\"}}"));
		// A oneOf adds why neither alternative matched.
		assertThat(this.contract.violations()).extracting(OpenApiContract.Violation::toString)
			.anySatisfy((problem) -> assertThat(problem).startsWith("GET /v1/parts/p2/labelled").contains("'colour'"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("GET /v1/parts/p3").contains("'labels'"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("GET /v1/parts 200")
				.contains("/first property 'colour'"))
			.noneSatisfy((problem) -> assertThat(problem).containsAnyOf("'id'", "'size'"));
	}

	@Test
	void refusesToCloseAnAllOfItCannotMerge() {
		String composed = DOCUMENT.replace("- type: object\n          properties:\n            labels:",
				"- type: object\n          minProperties: 1\n          properties:\n            labels:");

		assertThat(composed).isNotEqualTo(DOCUMENT);
		assertThatIllegalStateException().isThrownBy(() -> OpenApiContract.parse(composed))
			.withMessageContaining("minProperties");
	}

	@Test
	void listsTheOperationsNoAnswerMet() {
		this.contract.answered("GET", "/v1/things/t1", json(404, "{\"status\":404}"));
		this.contract.answered("DELETE", "/v1/parts/p1", new Api.Response(204, "", "", Map.of()));

		assertThat(this.contract.operationsNeverMet()).containsExactly("GET /v1/parts", "GET /v1/parts/{partId}",
				"GET /v1/parts/{partId}/labelled", "GET /v1/things/count");
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

	@Test
	void closesTheGatewayDocumentsObjectsButNotItsMaps() {
		OpenApiContract gateway = OpenApiContract.load(OpenApiContract.GATEWAY_DOCUMENT);

		gateway.answered("GET", "/v1/owners/o1",
				json(200, "{\"id\":\"o1\",\"name\":\"acme\",\"createdAt\":\"2026-12-07T10:00:00Z\",\"activeKeys\":1}"));
		gateway.answered("GET", "/v1/deployments/d1/examples",
				json(200, "{\"curl\":{\"native\":\"curl …\"},\"python\":{\"aicuflow\":\"import requests\"}}"));
		gateway.answered("GET", "/v1/executions/e1", json(200,
				"{\"id\":\"e1\",\"deployment_id\":\"d1\",\"status\":\"succeeded\",\"output_data\":{\"any\":[1]}}"));
		assertThat(gateway.violations()).isEmpty();

		gateway.answered("GET", "/v1/owners/o2", json(200,
				"{\"id\":\"o2\",\"name\":\"acme\",\"createdAt\":\"2026-12-07T10:00:00Z\",\"activeKeys\":1,\"plan\":\"gold\"}"));
		assertThat(gateway.violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.problem()).contains("plan"));
	}

	private static Api.Response json(int status, String body) {
		return new Api.Response(status, body, "application/json;charset=UTF-8", Map.of());
	}

}
