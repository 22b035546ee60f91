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

		assertThat(InputsDigest.of(withNull, null)).isEqualTo(InputsDigest.of(reordered, null)).startsWith("sha256:");
		assertThat(InputsDigest.of(Map.of("n", 1L), null)).isEqualTo(InputsDigest.of(Map.of("n", 1.0), null));
		assertThat(InputsDigest.of(Map.of("n", 100), null)).isEqualTo(InputsDigest.of(Map.of("n", 1e2), null));
	}

	@Test
	void differsForInputsThatDoNot() {
		assertThat(InputsDigest.of(Map.of("n", 1), null)).isNotEqualTo(InputsDigest.of(Map.of("n", "1"), null))
			.isNotEqualTo(InputsDigest.of(Map.of("n", 2), null))
			.isNotEqualTo(InputsDigest.of(Map.of("m", 1), null));
		assertThat(InputsDigest.of(Map.of("l", List.of(1, 2)), null))
			.isNotEqualTo(InputsDigest.of(Map.of("l", List.of(2, 1)), null));
		assertThat(InputsDigest.of(Map.of("a", "x\",\"b\":\"y"), null)).as("no text passes for another's end")
			.isNotEqualTo(InputsDigest.of(Map.of("a", "x", "b", "y"), null));
		assertThat(InputsDigest.of(Map.of("b", true), null)).isNotEqualTo(InputsDigest.of(Map.of("b", "true"), null));
		assertThat(InputsDigest.of(Map.of("n", Double.POSITIVE_INFINITY), null))
			.isNotEqualTo(InputsDigest.of(Map.of("n", Double.NEGATIVE_INFINITY), null));
	}

	@Test
	void includesACallbackUrlOnlyWhereThereIsOne() {
		Map<String, Object> inputs = Map.of("n", 1);

		assertThat(InputsDigest.of(inputs, null)).as("the digest that records from before callback URLs counted hold")
			.isEqualTo("sha256:7a7f9ba1d7ecda87fd730de8f5280c918f72e4ac8e993238b44447862875519e");
		assertThat(InputsDigest.of(inputs, "https://a.example/hook")).isNotEqualTo(InputsDigest.of(inputs, null))
			.isNotEqualTo(InputsDigest.of(inputs, "https://b.example/hook"))
			.isEqualTo(InputsDigest.of(Map.of("n", 1.0), "https://a.example/hook"));
	}

}
