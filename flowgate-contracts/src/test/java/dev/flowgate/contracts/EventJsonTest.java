package dev.flowgate.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	static Iterable<FlowgateEvent> events() {
		return SampleEvents.all();
	}

	@ParameterizedTest
	@MethodSource("events")
	void roundTripsThroughPlainJson(FlowgateEvent event) {
		String wire = this.json.writeValueAsString(event);

		FlowgateEvent read = this.json.readValue(wire, FlowgateEvent.class);

		assertThat(read).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void carriesALogicalTypeTokenAndNoJavaClassName(FlowgateEvent event) {
		JsonNode wire = this.json.readTree(this.json.writeValueAsString(event));

		assertThat(wire.get("type").asString()).matches("[a-z]+\\.[a-z-]+");
		assertThat(wire.toString()).doesNotContain("dev.flowgate").doesNotContain("@class");
		assertThat(wire.get("eventId").asString()).isEqualTo(event.eventId().toString());
		assertThat(wire.get("schemaVersion").asInt()).isEqualTo(1);
	}

	@Test
	void writesTimesAsIsoStringsAndEnumsAsLowerCaseTokens() {
		ExecutionCompleted completed = (ExecutionCompleted) SampleEvents.all().get(2);

		JsonNode wire = this.json.readTree(this.json.writeValueAsString(completed));

		assertThat(wire.get("occurredAt").asString()).isEqualTo("2026-11-23T10:15:30.123Z");
		assertThat(wire.get("status").asString()).isEqualTo("failed");
		assertThat(wire.get("trace").get(0).get("status").asString()).isEqualTo("succeeded");
	}

	@Test
	void ignoresFieldsAddedByANewerProducer() {
		String wire = this.json.writeValueAsString(SampleEvents.all().get(1))
			.replaceFirst("\\{", "{\"addedInVersion2\":true,");

		assertThat(this.json.readValue(wire, FlowgateEvent.class)).isInstanceOf(ExecutionStarted.class);
	}

	@Test
	void writesOnlyRecordComponentsNotDerivedValues() {
		JsonNode wire = this.json.readTree(this.json.writeValueAsString(SampleEvents.all().get(2)));

		assertThat(wire.has("durationSeconds")).isFalse();
		assertThat(wire.get("delivery").propertyNames()).containsExactly("callbackUrl", "email",
				"allowCallbackOverride");
	}

	@Test
	void rejectsAnUnknownTypeToken() {
		assertThatThrownBy(() -> this.json.readValue("{\"type\":\"execution.exploded\"}", FlowgateEvent.class))
			.hasMessageContaining("execution.exploded");
	}

	@Test
	void subjectIdIsTheRecordKeyAndNotOnTheWire() {
		for (FlowgateEvent event : SampleEvents.all()) {
			assertThat(this.json.readTree(this.json.writeValueAsString(event)).has("subjectId")).isFalse();
			assertThat(event.subjectId()).isNotBlank();
		}
	}

	@Test
	void keepsNullInputValuesAClientSent() {
		FlowgateEvent sample = SampleEvents.all().get(0);
		ObjectNode wire = (ObjectNode) this.json.valueToTree(sample);
		wire.putObject("inputs").putNull("note").put("n", 1);
		ExecutionRequested read = (ExecutionRequested) this.json.treeToValue(wire, FlowgateEvent.class);
		assertThat(read.inputs()).containsEntry("note", null).containsEntry("n", 1);
	}

	@Test
	void readsAKeyStateWithoutAVersionAsOfUnknownVersion() {
		ObjectNode wire = (ObjectNode) this.json.valueToTree(SampleEvents.all().get(3));
		wire.remove("version");

		KeyStateChanged read = (KeyStateChanged) this.json.treeToValue(wire, FlowgateEvent.class);

		assertThat(read.version()).isEqualTo(KeyStateChanged.UNKNOWN_VERSION);
		assertThat(read.keyId()).isEqualTo("k-1");
	}

	@Test
	void readsADeliveryTargetWithoutTheOverrideFlagAsNotAllowed() {
		DeliveryTarget target = this.json.readValue("{\"callbackUrl\":\"https://example.com/hook\"}",
				DeliveryTarget.class);
		assertThat(target.callbackUrl()).isEqualTo("https://example.com/hook");
		assertThat(target.allowCallbackOverride()).isFalse();
	}

}
