package dev.flowgate.delivery.persistence;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.AttemptLog;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The attempt log, a collection of its own. */
@Repository
class MongoAttemptLog implements AttemptLog {

	private final MongoTemplate mongo;

	private final GroupCommit<Attempt, Void> records = new GroupCommit<>(this::recordAll);

	MongoAttemptLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Written together with the attempts other threads record at the same time. */
	@Override
	public void record(Attempt attempt) {
		this.records.submit(attempt);
	}

	private List<Void> recordAll(List<Attempt> attempts) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, AttemptDocument.class);
		for (Attempt attempt : attempts) {
			AttemptDocument document = AttemptDocument.of(attempt);
			bulk.replaceOne(Query.query(where(AttemptDocument.ID).is(document.id())), document,
					FindAndReplaceOptions.options().upsert());
		}
		bulk.execute();
		return Collections.nCopies(attempts.size(), null);
	}

	@Override
	public List<Attempt> forDeliveries(Collection<String> deliveryIds) {
		Query query = Query.query(where(AttemptDocument.DELIVERY_ID).in(deliveryIds))
			.with(Sort.by(AttemptDocument.DELIVERY_ID, AttemptDocument.NUMBER));
		return this.mongo.find(query, AttemptDocument.class).stream().map(AttemptDocument::toAttempt).toList();
	}

}
