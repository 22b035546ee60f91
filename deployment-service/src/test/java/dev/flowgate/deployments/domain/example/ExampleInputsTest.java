package dev.flowgate.deployments.domain.example;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.flow.FlowInput;
import dev.flowgate.flowrules.InputType;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleInputsTest {

	@Test
	void showsATestValueSmallAndShallowEnough() {
		Object shown = nested(ExampleInputs.MAX_SHOWN_LEVELS, List.of(1, 2));

		assertThat(ExampleInputs.of(List.of(json("data", shown))).byName()).containsEntry("data", shown);
	}

	@Test
	void showsAStandInForATestValueTooDeepOrTooLargeToShow() {
		Object deep = nested(ExampleInputs.MAX_SHOWN_LEVELS + 1, List.of(1));
		Object wide = Collections.nCopies(ExampleInputs.MAX_SHOWN_CHARS, 0);
		String longText = "x".repeat(ExampleInputs.MAX_SHOWN_CHARS);

		ExampleInputs inputs = ExampleInputs.of(List.of(json("deep", deep), json("wide", wide),
				new FlowInput("long", "long", InputType.TEXT, false, longText)));

		assertThat(inputs.byName()).containsEntry("deep", Map.of())
			.containsEntry("wide", Map.of())
			.containsEntry("long", "example");
	}

	@Test
	void writesSmallExamplesForAStoredTestValueThatWouldGrowThousandsOfTimesIndented() {
		// As deep and as wide as flows took before test values were bounded.
		Object huge = nested(480, Collections.nCopies(30_000, 0));

		Examples examples = new ExampleGenerator().generate(deploymentWith(huge), "https://flowgate.example.com");

		assertThat(examples.python().nativeApi()).hasSizeLessThan(10_000);
		assertThat(examples.curl().nativeApi()).contains("\"data\": {}");
	}

	private static Deployment deploymentWith(Object testValue) {
		FlowNode input = new FlowNode("data", "input", Map.of("inputType", "json", "testValue", testValue));
		FlowNode output = new FlowNode("out", "output", Map.of("name", "answer", "value", "{{input.data}}"));
		Instant now = Instant.now();
		return new Deployment("d-1", "owner-1", "huge", "flow-1", 1,
				new FlowDefinition(List.of(input, output), List.of(new FlowEdge("data", "out", null))),
				DeploymentMode.SYNC, DeploymentEnvironment.PRODUCTION, true, 30, DeliveryTarget.NONE,
				DeploymentLimits.NONE, 1, now, now);
	}

	private static FlowInput json(String name, Object testValue) {
		return new FlowInput(name, name, InputType.JSON, false, testValue);
	}

	/** {@code value} inside {@code levels - 1} objects, {@code levels} levels in all. */
	private static Object nested(int levels, Object value) {
		Object nested = value;
		for (int i = 1; i < levels; i++) {
			nested = Map.of("a", nested);
		}
		return nested;
	}

}
