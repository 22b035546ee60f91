package dev.flowgate.gateway.domain.view;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewProgressTest {

	private final ViewProgress progress = new ViewProgress();

	@Test
	void isNotCaughtUpBeforeTheEndOffsetsAreKnown() {
		this.progress.reached(0, 100);

		assertThat(this.progress.caughtUp()).isFalse();
	}

	@Test
	void isCaughtUpOnceEveryPartitionReachedItsEndOffset() {
		this.progress.expect(Map.of(0, 5L, 1, 0L, 2, 3L));
		this.progress.reached(0, 5);

		assertThat(this.progress.caughtUp()).isFalse();
		this.progress.reached(2, 3);
		assertThat(this.progress.caughtUp()).isTrue();
	}

	@Test
	void staysCaughtUpWhenNewRecordsArriveLater() {
		this.progress.expect(Map.of(0, 1L));
		this.progress.reached(0, 1);
		assertThat(this.progress.caughtUp()).isTrue();

		this.progress.expect(Map.of(0, 10L));

		assertThat(this.progress.caughtUp()).isTrue();
	}

	@Test
	void needsTheResultsConsumerToBeReady() {
		Readiness readiness = new Readiness();
		readiness.keys().expect(Map.of());
		readiness.deployments().expect(Map.of());
		readiness.limitCounts().expect(Map.of());

		assertThat(readiness.ready()).isFalse();
		readiness.resultsListening();
		assertThat(readiness.ready()).isTrue();
	}

	@Test
	void needsTheOtherReplicasLimitCountsRead() {
		Readiness readiness = new Readiness();
		readiness.keys().expect(Map.of());
		readiness.deployments().expect(Map.of());
		readiness.resultsListening();
		readiness.limitCounts().expect(Map.of(0, 5L));

		assertThat(readiness.ready()).isFalse();
		readiness.limitCounts().reached(0, 5);
		assertThat(readiness.ready()).isTrue();
	}

}
