package dev.flowgate.gateway.it;

import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header names are case-insensitive (RFC 9110, 5.1), and so is the authentication scheme
 * (11.1): a key and an {@code Idempotency-Key} are read however the client spells them.
 * Sent byte for byte, since HTTP clients may change a name's case.
 */
@FlowgateInfra
class HeaderNamesTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@ParameterizedTest(name = "{0}: {1}<key>")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			AUTHORIZATION | "Bearer " | /v1/deployments/{id}/executions      | id
			authorization | "bearer " | /v1/deployments/{id}/executions      | id
			Authorization | "BEARER " | /node/deployment-trigger/{id}/       | /data/execution_id
			X-API-KEY     | ""        | /node/deployment-trigger/{id}/       | /data/execution_id
			x-api-key     | ""        | /v1/deployments/{id}/executions      | id
			API-KEY       | ""        | /flux/api-v2?flowId={id}             | executionId
			""")
	void readsTheKeyAndTheIdempotencyKeyWhateverTheirCase(String keyHeader, String scheme, String target,
			String executionIdField) {
		DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
				Behaviour.ECHO);
		this.stack.awaitVisible(this.tenant, deployment.deploymentId());
		Map<String, String> headers = Map.of(keyHeader, scheme + this.tenant.key(), "IDEMPOTENCY-KEY",
				UUID.randomUUID().toString(), "content-type", "application/json");
		String path = target.replace("{id}", deployment.deploymentId());

		Http.Response first = Http.rawPost(this.stack.a.url(""), path, headers, "{}");
		Http.Response repeat = Http.rawPost(this.stack.a.url(""), path, headers, "{}");

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
		assertThat(executionId(repeat, executionIdField)).isEqualTo(executionId(first, executionIdField));
		assertThat(this.stack.runner.received(deployment.deploymentId())).as("run once").hasSize(1);
	}

	private static String executionId(Http.Response response, String field) {
		return response.json().at(field.startsWith("/") ? field : "/" + field).asString();
	}

}
