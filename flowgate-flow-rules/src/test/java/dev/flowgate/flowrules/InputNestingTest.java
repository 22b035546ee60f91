package dev.flowgate.flowrules;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputNestingTest {

	@Test
	void countsObjectsAndArraysButNotScalars() {
		assertThat(InputNesting.exceeds("text", 0)).isFalse();
		assertThat(InputNesting.exceeds(List.of(Map.of("a", List.of(1))), 3)).isFalse();
		assertThat(InputNesting.exceeds(List.of(Map.of("a", List.of(1))), 2)).isTrue();
	}

	@Test
	void findsTheDeepestBranchAmongShallowOnes() {
		Object deep = nested(InputNesting.MAX_LEVELS + 1);
		Map<String, Object> value = Map.of("flat", List.of(1, 2), "deep", List.of("x", deep));

		assertThat(InputNesting.isTooDeep(value)).isTrue();
		assertThat(InputNesting.isTooDeep(nested(InputNesting.MAX_LEVELS))).isFalse();
	}

	@Test
	void walksAValueFarDeeperThanAStackWithoutRecursing() {
		assertThat(InputNesting.isTooDeep(nested(1_000_000))).isTrue();
	}

	private static Object nested(int levels) {
		Object value = 1;
		for (int i = 0; i < levels; i++) {
			value = List.of(value);
		}
		return value;
	}

}
