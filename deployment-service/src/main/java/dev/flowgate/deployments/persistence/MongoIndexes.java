package dev.flowgate.deployments.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.ExecutionProperties;
import dev.flowgate.store.PendingPublication;

/**
 * The indexes behind the queries of this service. The TTL index ({@link RetentionTtl})
 * lets a real MongoDB expire old executions by itself; {@link RetentionSweeper} does the
 * same where TTL is not supported.
 */
@Component
class MongoIndexes implements InitializingBean {

	private static final String OWNER = "ownerId";

	private final MongoTemplate mongo;

	private final ExecutionProperties properties;

	MongoIndexes(MongoTemplate mongo, ExecutionProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		// The flow and deployment lists' pages, in their order whole (see NewestFirst).
		this.mongo.indexOps(FlowDocument.class)
			.createIndex(new Index().on(OWNER, Sort.Direction.ASC)
				.on(FlowDocument.UPDATED_AT, Sort.Direction.DESC)
				.on("_id", Sort.Direction.DESC)
				.named("owner_recently_changed"));
		this.mongo.indexOps(FlowVersionDocument.class)
			.createIndex(new Index().on("flowId", Sort.Direction.ASC).on("version", Sort.Direction.DESC));
		IndexOperations deployments = this.mongo.indexOps(DeploymentDocument.class);
		deployments.createIndex(new Index().on(OWNER, Sort.Direction.ASC)
			.on(DeploymentDocument.CREATED_AT, Sort.Direction.DESC)
			.on("_id", Sort.Direction.DESC)
			.named("owner_newest_first"));
		deployments.createIndex(new Index().on("flowId", Sort.Direction.ASC));
		PendingPublication.prepare(this.mongo, DeploymentDocument.COLLECTION);
		this.mongo.indexOps(MongoRejectedCallCounts.COLLECTION)
			.createIndex(new Index().on(MongoRejectedCallCounts.DEPLOYMENT, Sort.Direction.ASC)
				.on(MongoRejectedCallCounts.TO, Sort.Direction.ASC));
		IndexOperations executions = this.mongo.indexOps(ExecutionDocument.class);
		executions.createIndex(new Index().on("deploymentId", Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.DESC)
			.named("deployment_newest_first"));
		// What one key ran (key_id), not reading all the deployment's executions.
		executions.createIndex(new Index().on("deploymentId", Sort.Direction.ASC)
			.on("keyId", Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.DESC)
			.named("deployment_key_newest_first"));
		// The owner's executions across deployments (GET /v1/executions), by key too.
		executions.createIndex(new Index().on(OWNER, Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.DESC)
			.named("owner_newest_first"));
		executions.createIndex(new Index().on(OWNER, Sort.Direction.ASC)
			.on("keyId", Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.DESC)
			.named("owner_key_newest_first"));
		// Usage's late writes: recent writes to executions of hours already summed, the
		// creation time checked in the index so only those few documents are read.
		executions.createIndex(new Index().on(ExecutionDocument.WRITTEN_AT, Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.ASC));
		executions.createIndex(new Index().on("deploymentId", Sort.Direction.ASC)
			.on(ExecutionDocument.WRITTEN_AT, Sort.Direction.ASC)
			.on(ExecutionDocument.CREATED_AT, Sort.Direction.ASC));
		this.mongo.indexOps(MongoHourSummaries.COLLECTION)
			.createIndex(new Index().on(MongoHourSummaries.DEPLOYMENT, Sort.Direction.ASC)
				.on(MongoHourSummaries.HOUR, Sort.Direction.ASC));
		this.mongo.indexOps(MongoHourSummaries.KEYS_COLLECTION)
			.createIndex(new Index().on(MongoHourSummaries.DEPLOYMENT, Sort.Direction.ASC)
				.on(MongoHourSummaries.KEY, Sort.Direction.ASC)
				.on(MongoHourSummaries.HOUR, Sort.Direction.ASC));
		new RetentionTtl(this.mongo).keep(this.properties.retention());
	}

}
