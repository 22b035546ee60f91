package dev.flowgate.flowrules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferencePathTest {

	@Test
	void readsDotsAndBracketsAlike() {
		assertThat(ReferencePath.steps("lookup.items[0].name")).containsExactly("lookup", "items", "0", "name");
		assertThat(ReferencePath.steps("lookup.items.0.name")).containsExactly("lookup", "items", "0", "name");
		assertThat(ReferencePath.steps(" rows[0][1] ")).containsExactly("rows", "0", "1");
	}

	@Test
	void trimsStepsAndSkipsEmptyOnesAfterTheRoot() {
		assertThat(ReferencePath.steps("input..question")).containsExactly("input", "question");
		assertThat(ReferencePath.steps("input. question ")).containsExactly("input", "question");
	}

	@Test
	void givesAnEmptyRootToAReferenceOfSeparatorsOnly() {
		assertThat(ReferencePath.steps(".")).containsExactly("");
		assertThat(ReferencePath.steps("..")).containsExactly("");
		assertThat(ReferencePath.steps("[]")).containsExactly("");
		assertThat(ReferencePath.steps(".input.x")).containsExactly("", "input", "x");
	}

}
