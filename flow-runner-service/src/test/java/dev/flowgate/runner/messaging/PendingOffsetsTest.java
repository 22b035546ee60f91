package dev.flowgate.runner.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingOffsetsTest {

	private final PendingOffsets<String> offsets = new PendingOffsets<>();

	@Test
	void commitsNothingPastAnUnfinishedRecord() {
		this.offsets.received(10, "ack-10");
		this.offsets.received(11, "ack-11");
		this.offsets.received(12, "ack-12");

		assertThat(this.offsets.finished(12)).isEmpty();
		assertThat(this.offsets.finished(11)).isEmpty();
		assertThat(this.offsets.finished(10)).contains("ack-12");
	}

	@Test
	void commitsAsFarAsTheFinishedHeadReaches() {
		this.offsets.received(1, "ack-1");
		this.offsets.received(2, "ack-2");
		this.offsets.received(3, "ack-3");

		assertThat(this.offsets.finished(1)).contains("ack-1");
		assertThat(this.offsets.finished(3)).isEmpty();
		assertThat(this.offsets.finished(2)).contains("ack-3");
	}

	@Test
	void coversARecordWithoutItsOwnAcknowledgementWithTheLatestOneBeforeIt() {
		this.offsets.received(5, "ack-5");
		this.offsets.received(6, null);
		this.offsets.received(7, "ack-7");

		assertThat(this.offsets.finished(6)).isEmpty();
		assertThat(this.offsets.finished(5)).contains("ack-5");
		assertThat(this.offsets.finished(7)).contains("ack-7");
	}

	@Test
	void ignoresRecordsItNeverReceived() {
		this.offsets.received(1, "ack-1");

		assertThat(this.offsets.finished(99)).isEmpty();
		assertThat(this.offsets.finished(1)).contains("ack-1");
		assertThat(this.offsets.finished(1)).isEmpty();
	}

}
