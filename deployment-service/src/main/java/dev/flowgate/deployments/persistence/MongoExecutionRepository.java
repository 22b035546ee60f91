package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.execution.ExecutionPage;
import dev.flowgate.deployments.domain.execution.ExecutionQuery;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.ExecutionRepository;
import dev.flowgate.store.OwnedDocuments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoExecutionRepository implements ExecutionRepository {

	/** Three listeners may write one record at once; more conflicts than that are odd. */
	private static final int MAX_ATTEMPTS = 5;

	/**
	 * Fields a merge never writes: identity, concurrency, the replay outbox, and the
	 * cancel request, which the cancellation outbox sets without moving the revision (a
	 * merge that read before it must not write over it).
	 */
	private static final Set<String> NOT_MERGED = Set.of("_id", "_class", ExecutionDocument.REVISION,
			ExecutionDocument.AWAITING_PUBLICATION, ExecutionDocument.LEASE, ExecutionDocument.CANCEL_REQUESTED_AT);

	private final MongoTemplate mongo;

	private final ExecutionMapper mapper;

	MongoExecutionRepository(MongoTemplate mongo, ExecutionMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public ExecutionRecord merge(String executionId, UnaryOperator<ExecutionRecord> change) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			ExecutionDocument stored = this.mongo.findById(executionId, ExecutionDocument.class);
			ExecutionRecord before = (stored != null) ? this.mapper.toDomain(stored) : null;
			ExecutionRecord after = change.apply(before);
			if (after.equals(before)) {
				return after;
			}
			boolean saved = (stored != null) ? update(after, stored.revision()) : insert(after);
			if (saved) {
				return after;
			}
		}
		throw new OptimisticLockingFailureException(
				"Execution %s kept changing concurrently; the event will be retried".formatted(executionId));
	}

	/**
	 * One read and one unordered bulk write for the whole batch. Where another writer got
	 * in between (a revision moved, or the other listener inserted the record first),
	 * every change is merged again on its own: those already written change nothing then.
	 */
	@Override
	public void mergeAll(Map<String, UnaryOperator<ExecutionRecord>> changes) {
		Map<String, ExecutionDocument> stored = this.mongo
			.find(Query.query(where("_id").in(changes.keySet())), ExecutionDocument.class)
			.stream()
			.collect(Collectors.toMap(ExecutionDocument::id, Function.identity()));
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, ExecutionDocument.class);
		int writes = 0;
		for (Map.Entry<String, UnaryOperator<ExecutionRecord>> change : changes.entrySet()) {
			ExecutionDocument document = stored.get(change.getKey());
			ExecutionRecord before = (document != null) ? this.mapper.toDomain(document) : null;
			ExecutionRecord after = change.getValue().apply(before);
			if (after.equals(before)) {
				continue;
			}
			if (document == null) {
				bulk.insert(this.mapper.toDocument(after, 0, false, null));
			}
			else {
				bulk.updateOne(unchanged(after.id(), document.revision()), merged(after, document.revision()));
			}
			writes++;
		}
		if (writes > 0 && !allWritten(bulk, writes)) {
			changes.forEach(this::merge);
		}
	}

	private static boolean allWritten(BulkOperations bulk, int writes) {
		try {
			BulkWriteResult result = bulk.execute();
			return result.getInsertedCount() + result.getModifiedCount() == writes;
		}
		catch (BulkOperationException ex) {
			return false;
		}
	}

	@Override
	public Optional<ExecutionRecord> find(String ownerId, String executionId) {
		Query query = Query.query(where("_id").is(executionId).and("ownerId").is(ownerId));
		return Optional.ofNullable(this.mongo.findOne(query, ExecutionDocument.class)).map(this.mapper::toDomain);
	}

	@Override
	public ExecutionPage page(ExecutionQuery query) {
		List<Criteria> criteria = new ArrayList<>(
				List.of(where("ownerId").is(query.ownerId()), where(ExecutionDocument.REQUESTED).is(true)));
		if (query.deploymentId() != null) {
			criteria.add(where("deploymentId").is(query.deploymentId()));
		}
		if (query.status() != null) {
			criteria.add(where("status").is(query.status()));
		}
		if (query.from() != null) {
			criteria.add(where(ExecutionDocument.CREATED_AT).gte(query.from()));
		}
		if (query.to() != null) {
			criteria.add(where(ExecutionDocument.CREATED_AT).lt(query.to()));
		}
		if (query.keyId() != null) {
			criteria.add(where("keyId").is(query.keyId()));
		}
		if (query.after() != null) {
			criteria.add(NewestFirst.olderThan(ExecutionDocument.CREATED_AT, query.after()));
		}
		Query find = new Query(new Criteria().andOperator(criteria))
			.with(Sort.by(Sort.Direction.DESC, ExecutionDocument.CREATED_AT, "_id"))
			.limit(query.limit() + 1);
		List<ExecutionRecord> found = this.mongo.find(find, ExecutionDocument.class)
			.stream()
			.map(this.mapper::toDomain)
			.toList();
		if (found.size() <= query.limit()) {
			return new ExecutionPage(found, null);
		}
		List<ExecutionRecord> items = found.subList(0, query.limit());
		ExecutionRecord last = items.get(items.size() - 1);
		return new ExecutionPage(items, new TimeCursor(last.createdAt(), last.id()));
	}

	@Override
	public long deleteCreatedBefore(Instant cutoff) {
		return this.mongo.remove(Query.query(where(ExecutionDocument.CREATED_AT).lt(cutoff)), ExecutionDocument.class)
			.getDeletedCount();
	}

	/**
	 * The batch's replay and cancellation markers (their ids the executions') first: a
	 * crash in between leaves executions, found again, rather than markers of none.
	 */
	@Override
	public int deleteOwned(String ownerId, int limit) {
		List<Object> ids = OwnedDocuments.ids(this.mongo, ExecutionDocument.COLLECTION,
				where(ExecutionDocument.OWNER).is(ownerId), limit);
		OwnedDocuments.removeIds(this.mongo, ReplayOutbox.MARKERS, ids);
		OwnedDocuments.removeIds(this.mongo, CancellationOutbox.MARKERS, ids);
		OwnedDocuments.removeIds(this.mongo, ExecutionDocument.COLLECTION, ids);
		return ids.size();
	}

	private boolean insert(ExecutionRecord record) {
		try {
			this.mongo.insert(this.mapper.toDocument(record, 0, false, null));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean update(ExecutionRecord record, long revision) {
		return this.mongo
			.updateFirst(unchanged(record.id(), revision), merged(record, revision), ExecutionDocument.class)
			.getModifiedCount() == 1;
	}

	/** The record's fields, over those of the stored revision. */
	private Update merged(ExecutionRecord record, long revision) {
		Document fields = new Document();
		this.mongo.getConverter().write(this.mapper.toDocument(record, revision, false, null), fields);
		Update update = new Update().inc(ExecutionDocument.REVISION, 1);
		fields.forEach((field, value) -> {
			if (!NOT_MERGED.contains(field)) {
				update.set(field, value);
			}
		});
		return update;
	}

	private static Query unchanged(String executionId, long revision) {
		return Query.query(where("_id").is(executionId).and(ExecutionDocument.REVISION).is(revision));
	}

}
