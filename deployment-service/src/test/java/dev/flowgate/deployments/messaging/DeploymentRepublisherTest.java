package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ExpiringKafka;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.StallingClock;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentRepository;
import dev.flowgate.deployments.persistence.DeploymentOutbox;
import dev.flowgate.store.PendingPublication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A crash between saving a deployment and sending its state: the state was saved (the
 * repository, as the service does it) but never sent. The republisher must send it.
 */
@IntegrationTest
class DeploymentRepublisherTest {

	private static final String TOPIC = Topics.DEPLOYMENTS.name();

	/**
	 * Gives up waiting for every acknowledgement at once; claims longer than the service.
	 */
	private static final PublicationProperties IMPATIENT = new PublicationProperties(Duration.ZERO,
			Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(5));

	@Autowired
	private DeploymentRepository deployments;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private DeploymentOutbox outbox;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Test
	void publishesAStateThatWasSavedButNeverSent() {
		Deployment saved = deployment();

		this.deployments.insert(saved);

		await().until(() -> !TopicReader.readKey(TOPIC, saved.id()).isEmpty());
		JsonNode state = TopicReader.latestValue(TOPIC, saved.id());
		assertThat(state.path("deploymentId").asString()).isEqualTo(saved.id());
		assertThat(state.path("flow").path("nodes").get(0).path("id").asString()).isEqualTo("in");
		await().until(() -> stored(saved.id()).get("publishedVersion", Number.class).longValue() == 1);
	}

	@Test
	void flagsADeploymentAwaitingPublicationUntilItsLastChangeIsOut() {
		Deployment saved = deployment();
		this.deployments.insert(saved);
		await().until(() -> Boolean.FALSE.equals(stored(saved.id()).get(PendingPublication.FIELD)));

		// Found by the republisher, which looks only at flagged deployments.
		assertThat(this.deployments.update(renamed(saved))).isTrue();

		await().until(() -> TopicReader.readKey(TOPIC, saved.id()).size() == 2);
		await().until(() -> Boolean.FALSE.equals(stored(saved.id()).get(PendingPublication.FIELD)));
	}

	@Test
	void publishesDeploymentsStoredBeforeTheFlagThatAreBehindAndClearsThoseThatAreNot() {
		Deployment published = deployment();
		Deployment behind = deployment();
		this.deployments.insert(published);
		this.deployments.insert(behind);
		await().until(() -> TopicReader.readKey(TOPIC, behind.id()).size() == 1);
		await().until(() -> Boolean.FALSE.equals(stored(published.id()).get(PendingPublication.FIELD)));
		// As stored before the flag: one published, one whose state never went out.
		this.mongo.updateFirst(Query.query(where("_id").is(published.id())),
				new Update().unset(PendingPublication.FIELD), "deployments");
		this.mongo.updateFirst(Query.query(where("_id").is(behind.id())),
				new Update().unset(PendingPublication.FIELD).set("publishedVersion", 0), "deployments");

		PendingPublication.prepare(this.mongo, "deployments");

		assertThat(stored(published.id()).getBoolean(PendingPublication.FIELD)).isFalse();
		await().until(() -> TopicReader.readKey(TOPIC, behind.id()).size() == 2);
		await().until(() -> Boolean.FALSE.equals(stored(behind.id()).get(PendingPublication.FIELD)));
	}

	@Test
	void publishesADeploymentChangedByAReplicaThatDoesNotFlagItsWrites() {
		Deployment saved = deployment();
		this.deployments.insert(saved);
		await().until(() -> Boolean.FALSE.equals(stored(saved.id()).get(PendingPublication.FIELD)));
		// As the version before this one saves a change.
		this.mongo.updateFirst(Query.query(where("_id").is(saved.id())),
				new Update().set("version", 2).set("name", "renamed"), "deployments");

		PendingPublication.flagBehind(this.mongo, "deployments");

		await().until(() -> TopicReader.readKey(TOPIC, saved.id()).size() == 2);
		assertThat(TopicReader.latestValue(TOPIC, saved.id()).path("name").asString()).isEqualTo("renamed");
	}

	@Test
	void publishesADeploymentAlreadyPublishedAgainOnceAllAreMarkedForRepublishing() {
		Deployment saved = deployment();
		this.deployments.insert(saved);
		await().until(() -> Boolean.FALSE.equals(stored(saved.id()).get(PendingPublication.FIELD)));

		// As at a start with flowgate.outbox.republish-all-on-start, after Kafka lost the
		// topic.
		PendingPublication.republishAll(this.mongo, "deployments");

		await().until(() -> TopicReader.readKey(TOPIC, saved.id()).size() == 2);
		await().until(() -> stored(saved.id()).get("publishedVersion", Number.class).longValue() == 1);
		await().until(() -> Boolean.FALSE.equals(stored(saved.id()).get(PendingPublication.FIELD)));
	}

	@Test
	void publishesATombstoneForADeletionThatWasSavedButNeverSent() {
		Deployment saved = deployment();
		this.deployments.insert(saved);
		await().until(() -> stored(saved.id()).get("publishedVersion", Number.class).longValue() == 1);

		this.deployments.markDeleted(saved);

		await().until(() -> TopicReader.readKey(TOPIC, saved.id()).size() == 2);
		assertThat(TopicReader.latestValue(TOPIC, saved.id())).isNull();
		await().until(() -> stored(saved.id()) == null);
	}

	@Test
	void keepsTheClaimOfAStateInDoubtSoThatNoOtherPublisherSendsOneBeforeItLands() {
		DeploymentStatePublisher impatient = new DeploymentStatePublisher(this.outbox,
				new AcknowledgedSends(this.kafka, IMPATIENT), IMPATIENT, Clock.systemUTC());

		String id = await().until(() -> claimedAndHeldBy(impatient), Objects::nonNull);

		await().until(() -> TopicReader.readKey(TOPIC, id).size() == 1);
		await().during(Duration.ofSeconds(1)).until(() -> TopicReader.readKey(TOPIC, id).size() == 1);
		assertThat(stored(id).get("publishedVersion", Number.class).longValue()).isZero();
	}

	@Test
	void keepsTheClaimOfAStateKafkaGaveUpOnAsItMayStillLand() {
		ExpiringKafka expiring = new ExpiringKafka();
		PublicationProperties settings = new PublicationProperties(Duration.ofSeconds(5), Duration.ofMinutes(10),
				Duration.ofSeconds(5), Duration.ofMinutes(5));
		DeploymentStatePublisher publisher = new DeploymentStatePublisher(this.outbox,
				new AcknowledgedSends(expiring, settings), settings, Clock.systemUTC());

		String id = await().until(() -> claimedAndHeldBy(publisher), Objects::nonNull);

		assertThat(stored(id).get("publishedVersion", Number.class).longValue()).isZero();
		assertThat(TopicReader.readKey(TOPIC, id)).isEmpty();
	}

	@Test
	void sendsNothingOnAClaimThatTookTooLongToTake() {
		// Each reading of this clock is 26 s after the one before: a claim of 60 s taken
		// at t, a send from t + 26 s that could last 35 s would outlast it.
		Clock stalling = new StallingClock(Duration.ofSeconds(26));
		PublicationProperties settings = new PublicationProperties(Duration.ofSeconds(5), Duration.ofSeconds(60),
				Duration.ofSeconds(5), Duration.ofMinutes(5));
		DeploymentStatePublisher stalled = new DeploymentStatePublisher(this.outbox,
				new AcknowledgedSends(this.kafka, settings), settings, stalling);

		String id = await().until(() -> claimedAndHeldBy(stalled), Objects::nonNull);

		// The claim is left to run out: nothing is sent while it holds.
		await().during(Duration.ofSeconds(1)).until(() -> TopicReader.readKey(TOPIC, id).isEmpty());
	}

	/**
	 * The id of a new deployment whose claim the publisher still holds after publishing,
	 * if it claimed it before the service's republisher did (for the tests' 40 s).
	 */
	private String claimedAndHeldBy(DeploymentStatePublisher publisher) {
		Deployment saved = deployment();
		this.deployments.insert(saved);
		publisher.publish(saved.id());
		Date leaseUntil = stored(saved.id()).get("publishLeaseUntil", Date.class);
		boolean heldByPublisher = leaseUntil != null && leaseUntil.toInstant().isAfter(Instant.now().plusSeconds(50));
		return heldByPublisher ? saved.id() : null;
	}

	private Document stored(String id) {
		return this.mongo.findOne(Query.query(where("_id").is(id)), Document.class, "deployments");
	}

	private static Deployment renamed(Deployment deployment) {
		return new Deployment(deployment.id(), deployment.ownerId(), "renamed", deployment.flowId(),
				deployment.flowVersion(), deployment.flow(), deployment.mode(), deployment.environment(),
				deployment.enabled(), deployment.syncTimeoutSeconds(), deployment.delivery(), deployment.limits(),
				deployment.version() + 1, deployment.createdAt(), Instant.now());
	}

	private static Deployment deployment() {
		FlowDefinition flow = new FlowDefinition(
				List.of(new FlowNode("in", "input", Map.of()),
						new FlowNode("out", "output", Map.of("name", "out", "value", "{{in}}"))),
				List.of(new FlowEdge("in", "out", null)));
		Instant now = Instant.now();
		return new Deployment(UUID.randomUUID().toString(), "owner-" + UUID.randomUUID(), "crashed", "flow-1", 1, flow,
				DeploymentMode.ASYNC, DeploymentEnvironment.TEST, true, 30, DeliveryTarget.NONE, DeploymentLimits.NONE,
				1, now, now);
	}

}
