package dev.flowgate.deployments.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.ExecutionProperties;
import dev.flowgate.deployments.config.IdempotencyProperties;
import dev.flowgate.store.PendingPublication;

/**
 * The indexes behind the queries of this service. The TTL indexes ({@link RetentionTtl})
 * let a real MongoDB expire old executions and idempotency records by itself;
 * {@link RetentionSweeper} does the same where TTL is not supported. Existing databases
 * have these indexes by these names (those without one named by MongoDB after their
 * fields), so neither may change.
 */
@Component
class MongoIndexes implements InitializingBean {

	private static final String ID = "_id";

	private static final Sort.Direction ASC = Sort.Direction.ASC;

	private static final Sort.Direction DESC = Sort.Direction.DESC;

	private final MongoTemplate mongo;

	private final ExecutionProperties properties;

	private final IdempotencyProperties idempotency;

	MongoIndexes(MongoTemplate mongo, ExecutionProperties properties, IdempotencyProperties idempotency) {
		this.mongo = mongo;
		this.properties = properties;
		this.idempotency = idempotency;
	}

	@Override
	public void afterPropertiesSet() {
		flows();
		flowVersions();
		deployments();
		rejectedCallCounts();
		executions();
		hourSummaries();
		RetentionTtl.executions(this.mongo).keep(this.properties.retention());
		new RetentionTtl(this.mongo, MongoIdempotencyStore.COLLECTION, MongoIdempotencyStore.STARTED_AT,
				MongoIdempotencyStore.TTL_INDEX)
			.keep(this.idempotency.keptFor());
	}

	/** The flow list's pages, in their order whole (see {@link NewestFirst}). */
	private void flows() {
		this.mongo.indexOps(FlowDocument.class)
			.createIndex(new Index().on(FlowDocument.OWNER, ASC)
				.on(FlowDocument.UPDATED_AT, DESC)
				.on(ID, DESC)
				.named("owner_recently_changed"));
	}

	private void flowVersions() {
		IndexOperations versions = this.mongo.indexOps(FlowVersionDocument.class);
		versions.createIndex(new Index().on(FlowVersionDocument.FLOW, ASC).on(FlowVersionDocument.VERSION, DESC));
		versions.createIndex(owner(FlowVersionDocument.OWNER));
	}

	/**
	 * A deleted owner's documents, found for erasing without reading the whole collection
	 * ({@link OwnedDocuments}); the executions and deployments have indexes led by the
	 * owner already.
	 */
	private static Index owner(String field) {
		return new Index().on(field, ASC);
	}

	private void deployments() {
		IndexOperations deployments = this.mongo.indexOps(DeploymentDocument.class);
		// The deployment list's pages, as the flows'.
		deployments.createIndex(new Index().on(DeploymentDocument.OWNER, ASC)
			.on(DeploymentDocument.CREATED_AT, DESC)
			.on(ID, DESC)
			.named("owner_newest_first"));
		// An owner's deployments counted against the limit without reading their flows.
		deployments.createIndex(
				new Index().on(DeploymentDocument.OWNER, ASC).on(DeploymentDocument.DELETED, ASC).named("owner_live"));
		deployments.createIndex(new Index().on(DeploymentDocument.FLOW, ASC));
		PendingPublication.prepare(this.mongo, DeploymentDocument.COLLECTION);
	}

	private void rejectedCallCounts() {
		IndexOperations counts = this.mongo.indexOps(MongoRejectedCallCounts.COLLECTION);
		counts.createIndex(new Index().on(MongoRejectedCallCounts.DEPLOYMENT, ASC).on(MongoRejectedCallCounts.TO, ASC));
		counts.createIndex(owner(MongoRejectedCallCounts.OWNER));
	}

	private void executions() {
		IndexOperations executions = this.mongo.indexOps(ExecutionDocument.class);
		executions.createIndex(new Index().on(ExecutionDocument.DEPLOYMENT, ASC)
			.on(ExecutionDocument.CREATED_AT, DESC)
			.named("deployment_newest_first"));
		// What one key ran (key_id), not reading all the deployment's executions.
		executions.createIndex(new Index().on(ExecutionDocument.DEPLOYMENT, ASC)
			.on(ExecutionDocument.KEY, ASC)
			.on(ExecutionDocument.CREATED_AT, DESC)
			.named("deployment_key_newest_first"));
		// The owner's executions across deployments (GET /v1/executions), by key too.
		executions.createIndex(new Index().on(ExecutionDocument.OWNER, ASC)
			.on(ExecutionDocument.CREATED_AT, DESC)
			.named("owner_newest_first"));
		executions.createIndex(new Index().on(ExecutionDocument.OWNER, ASC)
			.on(ExecutionDocument.KEY, ASC)
			.on(ExecutionDocument.CREATED_AT, DESC)
			.named("owner_key_newest_first"));
		// Usage's late writes: recent writes to executions of hours already summed, the
		// creation time checked in the index so only those few documents are read.
		executions.createIndex(new Index().on(ExecutionDocument.WRITTEN_AT, ASC).on(ExecutionDocument.CREATED_AT, ASC));
		executions.createIndex(new Index().on(ExecutionDocument.DEPLOYMENT, ASC)
			.on(ExecutionDocument.WRITTEN_AT, ASC)
			.on(ExecutionDocument.CREATED_AT, ASC));
	}

	private void hourSummaries() {
		IndexOperations hours = this.mongo.indexOps(MongoHourSummaries.COLLECTION);
		hours.createIndex(new Index().on(MongoHourSummaries.DEPLOYMENT, ASC).on(MongoHourSummaries.HOUR, ASC));
		hours.createIndex(owner(MongoHourSummaries.OWNER));
		IndexOperations keyHours = this.mongo.indexOps(MongoHourSummaries.KEYS_COLLECTION);
		keyHours.createIndex(new Index().on(MongoHourSummaries.DEPLOYMENT, ASC)
			.on(MongoHourSummaries.KEY, ASC)
			.on(MongoHourSummaries.HOUR, ASC));
		keyHours.createIndex(owner(MongoHourSummaries.OWNER));
	}

}
