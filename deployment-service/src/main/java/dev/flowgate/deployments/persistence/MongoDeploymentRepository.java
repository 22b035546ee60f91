package dev.flowgate.deployments.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentRepository;
import dev.flowgate.deployments.domain.flow.DeployedFlows;
import dev.flowgate.store.PendingPublication;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoDeploymentRepository implements DeploymentRepository, DeployedFlows {

	private final MongoTemplate mongo;

	private final DeploymentMapper mapper;

	MongoDeploymentRepository(MongoTemplate mongo, DeploymentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public void insert(Deployment deployment) {
		this.mongo.insert(this.mapper.toDocument(deployment));
	}

	@Override
	public Optional<Deployment> find(String ownerId, String deploymentId) {
		Query query = Query
			.query(where("_id").is(deploymentId).and("ownerId").is(ownerId).and(DeploymentDocument.DELETED).ne(true));
		return Optional.ofNullable(this.mongo.findOne(query, DeploymentDocument.class)).map(this.mapper::toDomain);
	}

	@Override
	public List<Deployment> findAll(String ownerId) {
		return find(Query.query(live(ownerId)).with(NewestFirst.sort(DeploymentDocument.CREATED_AT)));
	}

	@Override
	public long countOwned(String ownerId) {
		return this.mongo.count(Query.query(live(ownerId)), DeploymentDocument.class);
	}

	@Override
	public List<Deployment> findNewest(String ownerId, TimeCursor after, int count) {
		return find(NewestFirst.page(live(ownerId), DeploymentDocument.CREATED_AT, after, count));
	}

	private List<Deployment> find(Query query) {
		return this.mongo.find(query, DeploymentDocument.class).stream().map(this.mapper::toDomain).toList();
	}

	private static Criteria live(String ownerId) {
		return where("ownerId").is(ownerId).and(DeploymentDocument.DELETED).ne(true);
	}

	@Override
	public boolean update(Deployment next) {
		DeploymentDocument document = this.mapper.toDocument(next);
		Update update = new Update().set("name", document.name())
			.set("flowVersion", document.flowVersion())
			.set("flowJson", document.flowJson())
			.set("mode", document.mode())
			.set("environment", document.environment())
			.set("enabled", document.enabled())
			.set("syncTimeoutSeconds", document.syncTimeoutSeconds())
			.set("delivery", document.delivery())
			.set("limits", document.limits())
			.set(DeploymentDocument.VERSION, next.version())
			.set("updatedAt", document.updatedAt());
		return this.mongo
			.updateFirst(current(next.id(), next.version() - 1), PendingPublication.flagged(update),
					DeploymentDocument.class)
			.getModifiedCount() == 1;
	}

	@Override
	public boolean markDeleted(Deployment current) {
		Update update = new Update().set(DeploymentDocument.DELETED, true)
			.set(DeploymentDocument.VERSION, current.version() + 1);
		return this.mongo
			.updateFirst(current(current.id(), current.version()), PendingPublication.flagged(update),
					DeploymentDocument.class)
			.getModifiedCount() == 1;
	}

	@Override
	public boolean isDeployed(String flowId) {
		return this.mongo.exists(Query.query(where("flowId").is(flowId).and(DeploymentDocument.DELETED).ne(true)),
				DeploymentDocument.class);
	}

	private static Query current(String deploymentId, long version) {
		return Query.query(where("_id").is(deploymentId)
			.and(DeploymentDocument.VERSION)
			.is(version)
			.and(DeploymentDocument.DELETED)
			.ne(true));
	}

}
