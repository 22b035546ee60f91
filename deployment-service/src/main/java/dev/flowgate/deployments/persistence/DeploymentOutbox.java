package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.store.PendingPublication;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The publication side of the deployments collection. A publisher claims a deployment
 * whose {@code publishedVersion} is behind its {@code version} with a short lease, so one
 * publisher at a time sends a deployment's states, in order.
 */
@Component
public class DeploymentOutbox {

	private final MongoTemplate mongo;

	private final DeploymentMapper mapper;

	DeploymentOutbox(MongoTemplate mongo, DeploymentMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	/** Claims the deployment if it has an unpublished state and no live lease. */
	public Optional<PendingState> claim(String deploymentId, Instant now, Duration lease) {
		// MongoDB stores milliseconds: the lease must compare equal when read back.
		Instant leaseUntil = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
		Query query = Query.query(where("_id").is(deploymentId)).addCriteria(unpublishedAndFree(now));
		DeploymentDocument claimed = this.mongo.findAndModify(query,
				new Update().set(DeploymentDocument.LEASE, leaseUntil), FindAndModifyOptions.options().returnNew(true),
				DeploymentDocument.class);
		return Optional.ofNullable(claimed)
			.map((document) -> new PendingState(document.id(), document.version(), document.deleted(), leaseUntil,
					this.mapper.toDomain(document)));
	}

	/**
	 * Records that Kafka acknowledged the claimed state; a deleted deployment is removed
	 * now that its tombstone is out.
	 */
	public void markPublished(PendingState state) {
		if (state.deleted()) {
			this.mongo.remove(Query.query(where("_id").is(state.deploymentId())
				.and(DeploymentDocument.VERSION)
				.is(state.version())
				.and(DeploymentDocument.DELETED)
				.is(true)), DeploymentDocument.class);
			return;
		}
		// $max: a slower publisher of an older state never moves publishedVersion back.
		this.mongo.updateFirst(leased(state),
				new Update().max(DeploymentDocument.PUBLISHED_VERSION, state.version()).unset(DeploymentDocument.LEASE),
				DeploymentDocument.class);
		PendingPublication.published(this.mongo, DeploymentDocument.COLLECTION, state.deploymentId(), state.version());
	}

	/** Gives the claim up after a failed send, so the republisher retries at once. */
	public void release(PendingState state) {
		this.mongo.updateFirst(leased(state), new Update().unset(DeploymentDocument.LEASE), DeploymentDocument.class);
	}

	/** Deployments with an unpublished state that nobody is publishing. */
	public List<String> pendingIds(Instant now) {
		Query query = new Query(unpublishedAndFree(now));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, DeploymentDocument.COLLECTION)
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	private static Criteria unpublishedAndFree(Instant now) {
		Criteria free = new Criteria().orOperator(where(DeploymentDocument.LEASE).is(null),
				where(DeploymentDocument.LEASE).lt(now));
		return new Criteria().andOperator(PendingPublication.awaiting(), free);
	}

	private static Query leased(PendingState state) {
		return Query.query(where("_id").is(state.deploymentId()).and(DeploymentDocument.LEASE).is(state.leaseUntil()));
	}

	/**
	 * A claimed, unpublished state.
	 *
	 * @param deployment the state to publish (ignored when {@code deleted})
	 */
	public record PendingState(String deploymentId, long version, boolean deleted, Instant leaseUntil,
			Deployment deployment) {

	}

}
