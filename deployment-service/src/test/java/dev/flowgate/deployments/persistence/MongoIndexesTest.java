package dev.flowgate.deployments.persistence;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.flowgate.deployments.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes keep their names: a database made by an earlier version has them, and an
 * index created again under another name would be a second one.
 */
@IntegrationTest
class MongoIndexesTest {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void keepsTheNamesExistingDatabasesHave() {
		assertThat(names(FlowDocument.COLLECTION)).contains("owner_recently_changed");
		assertThat(names(FlowVersionDocument.COLLECTION)).contains("flowId_1_version_-1");
		assertThat(names(DeploymentDocument.COLLECTION)).contains("owner_newest_first", "flowId_1");
		assertThat(names(MongoRejectedCallCounts.COLLECTION)).contains("deploymentId_1_to_1");
		assertThat(names(ExecutionDocument.COLLECTION)).contains("deployment_newest_first",
				"deployment_key_newest_first", "owner_newest_first", "owner_key_newest_first",
				"writtenAt_1_createdAt_1", "deploymentId_1_writtenAt_1_createdAt_1", RetentionTtl.NAME);
		assertThat(names(MongoHourSummaries.COLLECTION)).contains("deploymentId_1_hour_1");
		assertThat(names(MongoHourSummaries.KEYS_COLLECTION)).contains("deploymentId_1_keyId_1_hour_1");
	}

	@Test
	void countsAnOwnersDeploymentsFromAnIndex() {
		assertThat(names(DeploymentDocument.COLLECTION)).contains("owner_live");
	}

	private List<String> names(String collection) {
		List<String> names = new ArrayList<>();
		for (Document index : this.mongo.getCollection(collection).listIndexes()) {
			names.add(index.getString("name"));
		}
		return names;
	}

}
