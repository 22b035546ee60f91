package dev.flowgate.flowrules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSizeTest {

	private static final int DEEPER_THAN_ANY_STACK = 100_000;

	@Test
	void countsAboutTheBytesOfTheValueWrittenAsJson() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("text", "grüße");
		value.put("items", Arrays.asList(1, 2.5, null, true, Map.of("k", List.of())));
		int written = JsonMapper.builder().build().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;

		// A separator after the last member of each object or array is counted too.
		assertThat(JsonSize.of(value)).isBetween((long) written, written + 4L);
	}

	@Test
	void countsEveryObjectArrayAndScalarOfAValue() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("list", List.of(1, Map.of()));
		value.put("none", null);

		assertThat(JsonSize.values(value)).as("the object, the list, 1, {} and null").isEqualTo(5);
		assertThat(JsonSize.values("leaf")).isEqualTo(1);
	}

	@Test
	void sizesAValueNestedDeeperThanAThreadsStackCouldRecurse() throws Exception {
		Object deep = "leaf";
		for (int i = 0; i < DEEPER_THAN_ANY_STACK; i++) {
			deep = (i % 2 == 0) ? List.of(deep) : Map.of("k", deep);
		}
		Object value = deep;
		CompletableFuture<Long> size = new CompletableFuture<>();
		// As small a stack as a service thread has, or smaller.
		Thread small = new Thread(null, () -> {
			try {
				size.complete(JsonSize.of(value));
			}
			catch (Throwable ex) {
				size.completeExceptionally(ex);
			}
		}, "small-stack", 256 * 1024);
		small.start();

		assertThat(size.get(30, TimeUnit.SECONDS)).isGreaterThan(DEEPER_THAN_ANY_STACK * 2L);
	}

}
