package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.domain.usage.UsageSample;
import dev.flowgate.deployments.domain.usage.UsageSamples;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads only the four fields usage needs, never the payloads. */
@Repository
class MongoUsageSamples implements UsageSamples {

	private static final String STATUS = "status";

	private static final String DURATION = "durationMillis";

	private static final String PROMPT_TOKENS = "promptTokens";

	private static final String COMPLETION_TOKENS = "completionTokens";

	private final MongoTemplate mongo;

	MongoUsageSamples(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<UsageSample> since(String ownerId, String deploymentId, Instant from) {
		Query query = Query.query(where("deploymentId").is(deploymentId)
			.and("ownerId")
			.is(ownerId)
			.and(ExecutionDocument.CREATED_AT)
			.gte(from));
		query.fields().include(STATUS, DURATION, PROMPT_TOKENS, COMPLETION_TOKENS);
		return this.mongo.find(query, Document.class, ExecutionDocument.COLLECTION)
			.stream()
			.map(MongoUsageSamples::toSample)
			.toList();
	}

	private static UsageSample toSample(Document document) {
		Number duration = document.get(DURATION, Number.class);
		return new UsageSample(ExecutionStatus.valueOf(document.getString(STATUS)),
				(duration != null) ? duration.longValue() : null, longOf(document, PROMPT_TOKENS),
				longOf(document, COMPLETION_TOKENS));
	}

	private static long longOf(Document document, String field) {
		Number value = document.get(field, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
