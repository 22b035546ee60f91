package dev.flowgate.deployments.persistence;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.NodeTrace;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

	// As the service's mapper reads request bodies: refusing members it does not know.
	private final JsonText json = new JsonText(
			JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

	@Test
	void readsWhatAnOlderVersionStoredWithMembersThisOneNoLongerHas() {
		FlowDefinition flow = this.json.read("""
				{"nodes": [{"id": "in", "type": "input", "config": {}}], "edges": [], "layout": "grid"}""",
				FlowDefinition.class);
		List<NodeTrace> trace = this.json.read("""
				[{"nodeId": "in", "status": "succeeded", "durationMillis": 2, "attempts": 1, "cost": 3}]""",
				new TypeReference<>() {
				});

		assertThat(flow.nodes()).singleElement().satisfies((node) -> assertThat(node.id()).isEqualTo("in"));
		assertThat(trace).singleElement().satisfies((node) -> assertThat(node.nodeId()).isEqualTo("in"));
	}

}
