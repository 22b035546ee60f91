package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.usage.DeploymentHour;
import dev.flowgate.deployments.domain.usage.HourSummaries;
import dev.flowgate.deployments.domain.usage.HourSummary;
import dev.flowgate.deployments.domain.usage.KeyHourSummary;
import dev.flowgate.deployments.domain.usage.SummaryProgress;
import dev.flowgate.store.OwnedDocuments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One document per deployment hour (its id the deployment and the hour, so summing an
 * hour again replaces it), one per API key's share of such an hour in a collection of
 * their own, and one for the progress and the run claim.
 */
@Repository
class MongoHourSummaries implements HourSummaries {

	static final String COLLECTION = "usage_hours";

	static final String KEYS_COLLECTION = "usage_key_hours";

	static final String KEY = "keyId";

	static final String DEPLOYMENT = "deploymentId";

	static final String HOUR = "hour";

	static final String OWNER = "ownerId";

	private static final String PROGRESS_COLLECTION = "usage_summary_progress";

	private static final String PROGRESS_ID = "hours";

	private static final String SUMMED_UP_TO = "summedUpTo";

	private static final String LAST_RUN_AT = "lastRunAt";

	private static final String KEYS_SUMMED_FROM = "keysSummedFrom";

	private static final String CLAIMED_UNTIL = "claimedUntil";

	private final MongoTemplate mongo;

	MongoHourSummaries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(Collection<HourSummary> summaries) {
		summaries.forEach((summary) -> this.mongo.save(toDocument(summary), COLLECTION));
	}

	@Override
	public List<HourSummary> of(String ownerId, Collection<String> deploymentIds, Instant from, Instant to) {
		Query query = Query
			.query(where(DEPLOYMENT).in(deploymentIds).and(OWNER).is(ownerId).and(HOUR).gte(from).lt(to));
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoHourSummaries::toSummary).toList();
	}

	@Override
	public void saveOfKeys(Collection<KeyHourSummary> summaries) {
		summaries.forEach((summary) -> this.mongo.save(toDocument(summary), KEYS_COLLECTION));
	}

	@Override
	public List<KeyHourSummary> ofKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from,
			Instant to) {
		Query query = Query.query(where(DEPLOYMENT).in(deploymentIds)
			.and(KEY)
			.is(keyId)
			.and(OWNER)
			.is(ownerId)
			.and(HOUR)
			.gte(from)
			.lt(to));
		return this.mongo.find(query, Document.class, KEYS_COLLECTION)
			.stream()
			.map((document) -> new KeyHourSummary(hourOf(document), document.getString(KEY),
					TallyFields.read(document)))
			.toList();
	}

	@Override
	public SummaryProgress progress() {
		Document progress = this.mongo.findById(PROGRESS_ID, Document.class, PROGRESS_COLLECTION);
		if (progress == null) {
			return new SummaryProgress(null, null, null);
		}
		return new SummaryProgress(instant(progress, SUMMED_UP_TO), instant(progress, LAST_RUN_AT),
				instant(progress, KEYS_SUMMED_FROM));
	}

	@Override
	public boolean claim(Instant now, Instant until) {
		this.mongo.upsert(progressDocument(), new Update().setOnInsert(SUMMED_UP_TO, null), PROGRESS_COLLECTION);
		Query unclaimed = Query.query(
				where("_id").is(PROGRESS_ID).orOperator(where(CLAIMED_UNTIL).is(null), where(CLAIMED_UNTIL).lte(now)));
		return this.mongo.updateFirst(unclaimed, new Update().set(CLAIMED_UNTIL, until), PROGRESS_COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public void summedUpTo(Instant hour) {
		this.mongo.updateFirst(progressDocument(), new Update().set(SUMMED_UP_TO, hour), PROGRESS_COLLECTION);
	}

	@Override
	public void keysSummedFrom(Instant hour) {
		this.mongo.updateFirst(progressDocument(), new Update().set(KEYS_SUMMED_FROM, hour), PROGRESS_COLLECTION);
	}

	@Override
	public void firstRunStarted(Instant startedAt) {
		this.mongo.updateFirst(progressDocument(), new Update().set(LAST_RUN_AT, startedAt), PROGRESS_COLLECTION);
	}

	@Override
	public void finished(Instant startedAt) {
		this.mongo.updateFirst(progressDocument(), new Update().set(LAST_RUN_AT, startedAt).unset(CLAIMED_UNTIL),
				PROGRESS_COLLECTION);
	}

	@Override
	public void release() {
		this.mongo.updateFirst(progressDocument(), new Update().unset(CLAIMED_UNTIL), PROGRESS_COLLECTION);
	}

	@Override
	public long deleteBefore(Instant hour) {
		Query before = Query.query(where(HOUR).lt(hour));
		return this.mongo.remove(before, COLLECTION).getDeletedCount()
				+ this.mongo.remove(before, KEYS_COLLECTION).getDeletedCount();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		return OwnedDocuments.remove(this.mongo, COLLECTION, where(OWNER).is(ownerId), limit)
				+ OwnedDocuments.remove(this.mongo, KEYS_COLLECTION, where(OWNER).is(ownerId), limit);
	}

	private static Query progressDocument() {
		return Query.query(where("_id").is(PROGRESS_ID));
	}

	private static Document toDocument(HourSummary summary) {
		DeploymentHour key = summary.key();
		return TallyFields.append(hourDocument(key.deploymentId() + "/" + key.hour(), key), summary.tally());
	}

	private static Document toDocument(KeyHourSummary summary) {
		DeploymentHour hour = summary.hour();
		String id = hour.deploymentId() + "/" + hour.hour() + "/" + summary.keyId();
		return TallyFields.append(hourDocument(id, hour).append(KEY, summary.keyId()), summary.tally());
	}

	private static Document hourDocument(String id, DeploymentHour hour) {
		return new Document("_id", id).append(OWNER, hour.ownerId())
			.append(DEPLOYMENT, hour.deploymentId())
			.append(HOUR, Date.from(hour.hour()));
	}

	private static HourSummary toSummary(Document document) {
		return new HourSummary(hourOf(document), TallyFields.read(document));
	}

	private static DeploymentHour hourOf(Document document) {
		return new DeploymentHour(document.getString(OWNER), document.getString(DEPLOYMENT), instant(document, HOUR));
	}

	private static Instant instant(Document document, String field) {
		Date date = document.get(field, Date.class);
		return (date != null) ? date.toInstant() : null;
	}

}
