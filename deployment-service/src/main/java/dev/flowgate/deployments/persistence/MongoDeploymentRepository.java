package dev.flowgate.deployments.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentRepository;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.flow.DeployedFlows;
import dev.flowgate.deployments.domain.flow.PinnedVersion;
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
	public List<DeploymentSummary> findAll(String ownerId) {
		return summaries(Query.query(live(ownerId)).with(NewestFirst.sort(DeploymentDocument.CREATED_AT)));
	}

	@Override
	public Map<String, PinnedVersion> findPins(String ownerId) {
		Query query = Query.query(live(ownerId));
		query.fields().include(DeploymentDocument.FLOW, DeploymentDocument.FLOW_VERSION);
		Map<String, PinnedVersion> pins = new HashMap<>();
		this.mongo.find(query, Document.class, DeploymentDocument.COLLECTION)
			.forEach((document) -> pins.put(document.getString("_id"),
					new PinnedVersion(document.getString(DeploymentDocument.FLOW),
							document.getInteger(DeploymentDocument.FLOW_VERSION))));
		return pins;
	}

	@Override
	public long countOwned(String ownerId) {
		return this.mongo.count(Query.query(live(ownerId)), DeploymentDocument.class);
	}

	@Override
	public List<DeploymentSummary> findNewest(String ownerId, TimeCursor after, int count) {
		return summaries(NewestFirst.page(live(ownerId), DeploymentDocument.CREATED_AT, after, count));
	}

	/**
	 * Without the flows: a page of deployments of the largest flows would take some 100
	 * MB to read, more than MongoDB answers at once.
	 */
	private List<DeploymentSummary> summaries(Query query) {
		query.fields().exclude(DeploymentDocument.FLOW_JSON);
		return this.mongo.find(query, DeploymentDocument.class)
			.stream()
			.map((document) -> this.mapper.toSummary(withInputs(document)))
			.toList();
	}

	/**
	 * A document stored before the inputs were kept beside the flow: its flow is read
	 * once, alone, and its inputs kept (unless it changed meanwhile).
	 */
	private DeploymentDocument withInputs(DeploymentDocument document) {
		if (document.inputsJson() != null) {
			return document;
		}
		Query one = Query.query(where("_id").is(document.id()));
		one.fields().include(DeploymentDocument.FLOW_JSON);
		Document withFlow = this.mongo.findOne(one, Document.class, DeploymentDocument.COLLECTION);
		// Removed since: shown as read, without inputs.
		String inputsJson = (withFlow != null)
				? this.mapper.inputsJson(this.mapper.flow(withFlow.getString(DeploymentDocument.FLOW_JSON))) : "[]";
		this.mongo.updateFirst(
				Query.query(where("_id").is(document.id()).and(DeploymentDocument.VERSION).is(document.version())),
				new Update().set(DeploymentDocument.INPUTS_JSON, inputsJson), DeploymentDocument.class);
		return new DeploymentDocument(document.id(), document.ownerId(), document.name(), document.flowId(),
				document.flowVersion(), null, inputsJson, document.mode(), document.environment(), document.enabled(),
				document.syncTimeoutSeconds(), document.delivery(), document.limits(), document.version(),
				document.publishedVersion(), document.deleted(), document.publishLeaseUntil(), document.createdAt(),
				document.updatedAt(), document.pending());
	}

	private static Criteria live(String ownerId) {
		return where("ownerId").is(ownerId).and(DeploymentDocument.DELETED).ne(true);
	}

	@Override
	public boolean update(Deployment next) {
		DeploymentDocument document = this.mapper.toDocument(next);
		Update update = new Update().set("name", document.name())
			.set("flowVersion", document.flowVersion())
			.set(DeploymentDocument.FLOW_JSON, document.flowJson())
			.set(DeploymentDocument.INPUTS_JSON, document.inputsJson())
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
