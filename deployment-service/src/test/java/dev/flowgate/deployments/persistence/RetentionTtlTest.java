package dev.flowgate.deployments.persistence;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.persistence.RetentionTtl.Change;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTtlTest {

	private static final long THIRTY_DAYS = 2_592_000;

	private static final long NINETY_DAYS = 7_776_000;

	@Test
	void createsTheIndexWhereThereIsNone() {
		assertThat(Change.of(null, THIRTY_DAYS)).isEqualTo(Change.CREATE);
	}

	@Test
	void leavesAnIndexWithTheWantedExpiry() {
		assertThat(Change.of(index(THIRTY_DAYS), THIRTY_DAYS)).isEqualTo(Change.NONE);
		assertThat(Change.of(index((int) THIRTY_DAYS), THIRTY_DAYS)).as("listed as an int").isEqualTo(Change.NONE);
		assertThat(Change.of(index((double) THIRTY_DAYS), THIRTY_DAYS)).as("listed as a double").isEqualTo(Change.NONE);
	}

	@Test
	void modifiesAnIndexWithAnotherExpiry() {
		assertThat(Change.of(index(THIRTY_DAYS), NINETY_DAYS)).as("retention raised").isEqualTo(Change.MODIFY);
		assertThat(Change.of(index(NINETY_DAYS), THIRTY_DAYS)).as("retention lowered").isEqualTo(Change.MODIFY);
		assertThat(Change.of(new Document("name", RetentionTtl.NAME), THIRTY_DAYS)).as("no expiry")
			.isEqualTo(Change.MODIFY);
	}

	private static Document index(Number expiry) {
		return new Document("name", RetentionTtl.NAME).append(RetentionTtl.EXPIRY, expiry);
	}

}
