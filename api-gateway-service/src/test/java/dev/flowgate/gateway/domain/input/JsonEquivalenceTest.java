package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEquivalenceTest {

	@Test
	void comparesNumbersByValue() {
		assertThat(JsonEquivalence.equivalent(Map.of("n", 1), Map.of("n", 1.0))).isTrue();
		assertThat(JsonEquivalence.equivalent(Map.of("n", 1L), Map.of("n", new BigDecimal("1.00")))).isTrue();
		assertThat(JsonEquivalence.equivalent(Map.of("n", 1), Map.of("n", 2))).isFalse();
	}

	@Test
	void comparesNumbersBeyondADoublesRangeReadAsInfinity() {
		assertThat(JsonEquivalence.equivalent(Map.of("n", Double.POSITIVE_INFINITY),
				Map.of("n", Double.POSITIVE_INFINITY)))
			.isTrue();
		assertThat(JsonEquivalence.equivalent(Map.of("n", Double.POSITIVE_INFINITY), Map.of("n", 1))).isFalse();
		assertThat(JsonEquivalence.equivalent(Map.of("n", 1), Map.of("n", Double.NEGATIVE_INFINITY))).isFalse();
	}

	@Test
	void treatsANullEntryAsAMissingOne() {
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("a", "x");
		withNull.put("b", null);

		assertThat(JsonEquivalence.equivalent(withNull, Map.of("a", "x"))).isTrue();
		assertThat(JsonEquivalence.equivalent(Map.of("a", "x"), withNull)).isTrue();
	}

	@Test
	void comparesNestedStructures() {
		Map<String, Object> left = Map.of("list", List.of(1, Map.of("k", "v")), "s", "t");

		assertThat(JsonEquivalence.equivalent(left, Map.of("s", "t", "list", List.of(1.0, Map.of("k", "v"))))).isTrue();
		assertThat(JsonEquivalence.equivalent(left, Map.of("s", "t", "list", List.of(Map.of("k", "v"), 1)))).isFalse();
		assertThat(JsonEquivalence.equivalent(left, Map.of("s", "t", "list", List.of(1)))).isFalse();
		assertThat(JsonEquivalence.equivalent(left, Map.of("s", "t"))).isFalse();
	}

}
