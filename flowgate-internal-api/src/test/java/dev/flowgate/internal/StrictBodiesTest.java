package dev.flowgate.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictBodiesTest {

	private final JsonMapper strict = StrictBodies.apply(JsonMapper.builder()).build();

	@Test
	void readsEveryValueOfItsOwnType() {
		Settings settings = this.strict
			.readValue("{\"name\":\"a\",\"timeoutSeconds\":30,\"enabled\":true,\"temperature\":1}", Settings.class);

		assertThat(settings).isEqualTo(new Settings("a", 30, true, 1.0));
	}

	@Test
	void refusesAFractionForAWholeNumber() {
		assertRefused("{\"timeoutSeconds\":1.5}", "timeoutSeconds");
	}

	@Test
	void refusesANumberOrABooleanForAString() {
		assertRefused("{\"name\":5}", "name");
		assertRefused("{\"name\":2.5}", "name");
		assertRefused("{\"name\":false}", "name");
	}

	@Test
	void refusesAStringForANumberOrABoolean() {
		assertRefused("{\"timeoutSeconds\":\"30\"}", "timeoutSeconds");
		assertRefused("{\"temperature\":\"0.5\"}", "temperature");
		assertRefused("{\"enabled\":\"true\"}", "enabled");
	}

	@Test
	void refusesAFieldSentTwice() {
		assertThatExceptionOfType(StreamReadException.class)
			.isThrownBy(() -> this.strict.readValue("{\"name\":\"a\",\"name\":\"b\"}", Settings.class))
			.withMessageContaining("\"name\"");
	}

	@Test
	void refusesAMemberItDoesNotKnow() {
		assertRefused("{\"name\":\"a\",\"nmae\":\"b\"}", "nmae");
	}

	private void assertRefused(String json, String field) {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.strict.readValue(json, Settings.class))
			.satisfies((ex) -> assertThat(ex.getPath()).singleElement()
				.satisfies((reference) -> assertThat(reference.getPropertyName()).isEqualTo(field)));
	}

	record Settings(String name, Integer timeoutSeconds, Boolean enabled, Double temperature) {
	}

}
