package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.usage.DeploymentHour;
import dev.flowgate.deployments.domain.usage.DurationHistogram;
import dev.flowgate.deployments.domain.usage.HourSummaries;
import dev.flowgate.deployments.domain.usage.HourSummary;
import dev.flowgate.deployments.domain.usage.SummaryProgress;
import dev.flowgate.deployments.domain.usage.UsageTally;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One document per deployment hour (its id the deployment and the hour, so summing an
 * hour again replaces it), and one for the progress and the run claim.
 */
@Repository
class MongoHourSummaries implements HourSummaries {

	static final String COLLECTION = "usage_hours";

	static final String DEPLOYMENT = "deploymentId";

	static final String HOUR = "hour";

	private static final String PROGRESS_COLLECTION = "usage_summary_progress";

	private static final String PROGRESS_ID = "hours";

	private static final String SUMMED_UP_TO = "summedUpTo";

	private static final String LAST_RUN_AT = "lastRunAt";

	private static final String CLAIMED_UNTIL = "claimedUntil";

	private static final String OWNER = "ownerId";

	private static final String DURATIONS = "durations";

	private static final String CANCELLED = "cancelled";

	private final MongoTemplate mongo;

	MongoHourSummaries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(Collection<HourSummary> summaries) {
		summaries.forEach((summary) -> this.mongo.save(toDocument(summary), COLLECTION));
	}

	@Override
	public List<HourSummary> of(String ownerId, String deploymentId, Instant from, Instant to) {
		Query query = Query.query(where(DEPLOYMENT).is(deploymentId).and(OWNER).is(ownerId).and(HOUR).gte(from).lt(to));
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoHourSummaries::toSummary).toList();
	}

	@Override
	public SummaryProgress progress() {
		Document progress = this.mongo.findById(PROGRESS_ID, Document.class, PROGRESS_COLLECTION);
		if (progress == null) {
			return new SummaryProgress(null, null);
		}
		return new SummaryProgress(instant(progress, SUMMED_UP_TO), instant(progress, LAST_RUN_AT));
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
		return this.mongo.remove(Query.query(where(HOUR).lt(hour)), COLLECTION).getDeletedCount();
	}

	private static Query progressDocument() {
		return Query.query(where("_id").is(PROGRESS_ID));
	}

	private static Document toDocument(HourSummary summary) {
		DeploymentHour key = summary.key();
		UsageTally.Counts counts = summary.tally().counts();
		return new Document("_id", key.deploymentId() + "/" + key.hour()).append(OWNER, key.ownerId())
			.append(DEPLOYMENT, key.deploymentId())
			.append(HOUR, Date.from(key.hour()))
			.append("calls", counts.calls())
			.append("successes", counts.successes())
			.append("failures", counts.failures())
			.append("timeouts", counts.timeouts())
			.append(CANCELLED, counts.cancelled())
			.append("promptTokens", counts.promptTokens())
			.append("completionTokens", counts.completionTokens())
			.append(DURATIONS, new Binary(summary.tally().durations().encode()));
	}

	private static HourSummary toSummary(Document document) {
		DeploymentHour key = new DeploymentHour(document.getString(OWNER), document.getString(DEPLOYMENT),
				instant(document, HOUR));
		// Summaries written before executions could be cancelled have no such count.
		long cancelled = document.get(CANCELLED, 0L);
		UsageTally.Counts counts = new UsageTally.Counts(document.getLong("calls"), document.getLong("successes"),
				document.getLong("failures"), document.getLong("timeouts"), cancelled, document.getLong("promptTokens"),
				document.getLong("completionTokens"));
		Object durations = document.get(DURATIONS);
		byte[] encoded = (durations instanceof Binary binary) ? binary.getData() : (byte[]) durations;
		return new HourSummary(key, UsageTally.of(counts, DurationHistogram.decode(encoded)));
	}

	private static Instant instant(Document document, String field) {
		Date date = document.get(field, Date.class);
		return (date != null) ? date.toInstant() : null;
	}

}
