package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.config.ExecutionProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention set on a database whose TTL index has another. The test server has no
 * {@code collMod}, so this takes the way of a user without it: drop and create anew.
 */
@IntegrationTest
class RetentionIndexTest {

	private static final Duration OLD_RETENTION = Duration.ofDays(7);

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MongoIndexes indexes;

	@Autowired
	private ExecutionProperties properties;

	@Test
	void changesTheTtlIndexToTheConfiguredRetention() {
		this.mongo.indexOps(ExecutionDocument.class).dropIndex(RetentionTtl.NAME);
		this.mongo.indexOps(ExecutionDocument.class)
			.createIndex(new Index().on(ExecutionDocument.CREATED_AT, Sort.Direction.ASC)
				.expire(OLD_RETENTION)
				.named(RetentionTtl.NAME));

		this.indexes.afterPropertiesSet();

		assertThat(retentionExpiries()).containsExactly(this.properties.retention().toSeconds());
	}

	private List<Long> retentionExpiries() {
		List<Long> expiries = new ArrayList<>();
		for (Document index : this.mongo.getCollection(ExecutionDocument.COLLECTION).listIndexes()) {
			if (RetentionTtl.NAME.equals(index.getString("name"))) {
				expiries.add(((Number) index.get(RetentionTtl.EXPIRY)).longValue());
			}
		}
		return expiries;
	}

}
