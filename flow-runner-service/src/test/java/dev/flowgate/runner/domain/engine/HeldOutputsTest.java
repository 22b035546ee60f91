package dev.flowgate.runner.domain.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeldOutputsTest {

	private final HeldOutputs outputs = new HeldOutputs(100, 60);

	@Test
	void refusesAnOwnerPastItsShareWhileOthersStillFit() {
		assertThat(this.outputs.take("heavy", 40)).isTrue();
		assertThat(this.outputs.take("heavy", 30)).isFalse();

		assertThat(this.outputs.take("light", 30)).isTrue();
		assertThat(this.outputs.held()).isEqualTo(70);
	}

	@Test
	void refusesEveryOwnerPastTheTotal() {
		assertThat(this.outputs.take("a", 60)).isTrue();
		assertThat(this.outputs.take("b", 40)).isTrue();

		assertThat(this.outputs.take("c", 1)).isFalse();
	}

	@Test
	void makesRoomAsRunsRelease() {
		this.outputs.take("heavy", 60);
		this.outputs.release("heavy", 60);

		assertThat(this.outputs.held()).isZero();
		assertThat(this.outputs.take("heavy", 60)).isTrue();
	}

}
