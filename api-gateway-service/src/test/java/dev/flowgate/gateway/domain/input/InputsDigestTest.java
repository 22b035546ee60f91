package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Equivalent inputs share their digest, and others do not. */
class InputsDigestTest {

	@Test
	void agreesForInputsThatMeanTheSame() {
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("list", List.of(1, Map.of("k", "v")));
		withNull.put("gone", null);
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("s", "t");
		reordered.put("list", List.of(new BigDecimal("1.00"), Map.of("k", "v")));
		withNull.put("s", "t");

		assertThat(InputsDigest.of(withNull)).isEqualTo(InputsDigest.of(reordered)).startsWith("sha256:");
		assertThat(InputsDigest.of(Map.of("n", 1L))).isEqualTo(InputsDigest.of(Map.of("n", 1.0)));
		assertThat(InputsDigest.of(Map.of("n", 100))).isEqualTo(InputsDigest.of(Map.of("n", 1e2)));
	}

	@Test
	void differsForInputsThatDoNot() {
		assertThat(InputsDigest.of(Map.of("n", 1))).isNotEqualTo(InputsDigest.of(Map.of("n", "1")))
			.isNotEqualTo(InputsDigest.of(Map.of("n", 2)))
			.isNotEqualTo(InputsDigest.of(Map.of("m", 1)));
		assertThat(InputsDigest.of(Map.of("l", List.of(1, 2))))
			.isNotEqualTo(InputsDigest.of(Map.of("l", List.of(2, 1))));
		assertThat(InputsDigest.of(Map.of("a", "x\",\"b\":\"y"))).as("no text passes for another's end")
			.isNotEqualTo(InputsDigest.of(Map.of("a", "x", "b", "y")));
		assertThat(InputsDigest.of(Map.of("b", true))).isNotEqualTo(InputsDigest.of(Map.of("b", "true")));
		assertThat(InputsDigest.of(Map.of("n", Double.POSITIVE_INFINITY)))
			.isNotEqualTo(InputsDigest.of(Map.of("n", Double.NEGATIVE_INFINITY)));
	}

	@Test
	void includesACallbackUrlOnlyWhereThereIsOne() {
		Map<String, Object> inputs = Map.of("n", 1);

		assertThat(InputsDigest.of(inputs, null)).isEqualTo(InputsDigest.of(inputs));
		assertThat(InputsDigest.of(inputs, "https://a.example/hook")).isNotEqualTo(InputsDigest.of(inputs))
			.isNotEqualTo(InputsDigest.of(inputs, "https://b.example/hook"))
			.isEqualTo(InputsDigest.of(Map.of("n", 1.0), "https://a.example/hook"));
	}

}
