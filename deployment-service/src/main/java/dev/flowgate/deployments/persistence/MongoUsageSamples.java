package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.domain.usage.DeploymentHour;
import dev.flowgate.deployments.domain.usage.UsageSample;
import dev.flowgate.deployments.domain.usage.UsageSamples;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Streams the few fields usage needs, never the payloads, of executions whose trigger is
 * recorded: their {@code createdAt} no longer moves, so the hour summed is theirs.
 */
@Repository
class MongoUsageSamples implements UsageSamples {

	private static final String OWNER = "ownerId";

	private static final String DEPLOYMENT = "deploymentId";

	private static final String KEY = "keyId";

	private static final String STATUS = "status";

	private static final String REQUESTED = "requested";

	private static final String DURATION = "durationMillis";

	private static final String PROMPT_TOKENS = "promptTokens";

	private static final String COMPLETION_TOKENS = "completionTokens";

	private static final String[] SAMPLE = { ExecutionDocument.CREATED_AT, STATUS, DURATION, PROMPT_TOKENS,
			COMPLETION_TOKENS, KEY };

	private static final String[] HOUR = { OWNER, DEPLOYMENT, ExecutionDocument.CREATED_AT };

	private final MongoTemplate mongo;

	MongoUsageSamples(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void forEach(String ownerId, Collection<String> deploymentIds, Instant from, Instant to,
			BiConsumer<String, UsageSample> each) {
		forEachSample(where(DEPLOYMENT).in(deploymentIds).and(OWNER).is(ownerId), from, to, each);
	}

	@Override
	public void forEachOfKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			BiConsumer<String, UsageSample> each) {
		forEachSample(where(DEPLOYMENT).in(deploymentIds).and(OWNER).is(ownerId).and(KEY).is(keyId), from, to, each);
	}

	@Override
	public void forEachCreated(Instant from, Instant to, BiConsumer<DeploymentHour, UsageSample> each) {
		Criteria created = where(ExecutionDocument.CREATED_AT).gte(from).lt(to).and(REQUESTED).is(true);
		read(created, (document) -> each.accept(toHour(document), toSample(document)), SAMPLE, HOUR);
	}

	@Override
	public Set<DeploymentHour> writtenSince(Instant since, Instant createdBefore) {
		return hours(
				where(ExecutionDocument.WRITTEN_AT).gte(since).and(ExecutionDocument.CREATED_AT).lt(createdBefore));
	}

	@Override
	public Set<DeploymentHour> writtenSince(Collection<String> deploymentIds, Instant since, Instant createdFrom,
			Instant createdBefore) {
		return hours(where(DEPLOYMENT).in(deploymentIds)
			.and(ExecutionDocument.WRITTEN_AT)
			.gte(since)
			.and(ExecutionDocument.CREATED_AT)
			.gte(createdFrom)
			.lt(createdBefore));
	}

	@Override
	public Optional<Instant> earliestCreatedAt() {
		Query query = new Query().with(Sort.by(ExecutionDocument.CREATED_AT)).limit(1);
		query.fields().include(ExecutionDocument.CREATED_AT);
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, ExecutionDocument.COLLECTION))
			.map((document) -> document.get(ExecutionDocument.CREATED_AT, Date.class).toInstant());
	}

	/**
	 * The samples of the executions {@code executions} selects, created in
	 * {@code [from, to)}.
	 */
	private void forEachSample(Criteria executions, Instant from, Instant to, BiConsumer<String, UsageSample> each) {
		read(executions.and(ExecutionDocument.CREATED_AT).gte(from).lt(to).and(REQUESTED).is(true),
				(document) -> each.accept(document.getString(DEPLOYMENT), toSample(document)), SAMPLE,
				new String[] { DEPLOYMENT });
	}

	private Set<DeploymentHour> hours(Criteria criteria) {
		Set<DeploymentHour> hours = new HashSet<>();
		read(criteria, (document) -> hours.add(toHour(document)), HOUR);
		return hours;
	}

	/** One document at a time from a cursor, never the whole result in memory. */
	private void read(Criteria criteria, Consumer<Document> each, String[]... fieldGroups) {
		Query query = Query.query(criteria);
		Stream.of(fieldGroups).forEach(query.fields()::include);
		try (Stream<Document> documents = this.mongo.stream(query, Document.class, ExecutionDocument.COLLECTION)) {
			documents.forEach(each);
		}
	}

	private static DeploymentHour toHour(Document document) {
		return DeploymentHour.of(document.getString(OWNER), document.getString(DEPLOYMENT),
				document.get(ExecutionDocument.CREATED_AT, Date.class).toInstant());
	}

	private static UsageSample toSample(Document document) {
		Number duration = document.get(DURATION, Number.class);
		return new UsageSample(document.get(ExecutionDocument.CREATED_AT, Date.class).toInstant(),
				ExecutionStatus.valueOf(document.getString(STATUS)), (duration != null) ? duration.longValue() : null,
				longOf(document, PROMPT_TOKENS), longOf(document, COMPLETION_TOKENS), document.getString(KEY));
	}

	private static long longOf(Document document, String field) {
		Number value = document.get(field, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
