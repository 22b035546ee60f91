package dev.flowgate.deployments.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.flow.Flow;
import dev.flowgate.deployments.domain.flow.FlowRepository;
import dev.flowgate.deployments.domain.flow.FlowVersion;
import dev.flowgate.deployments.domain.flow.FlowVersionSummary;
import dev.flowgate.deployments.domain.flow.PinnedVersion;
import dev.flowgate.store.OwnedDocuments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoFlowRepository implements FlowRepository {

	private static final String VERSION = "version";

	private final MongoTemplate mongo;

	private final JsonText json;

	private final StoredFlowBytes storedBytes;

	MongoFlowRepository(MongoTemplate mongo, JsonText json) {
		this.mongo = mongo;
		this.json = json;
		this.storedBytes = new StoredFlowBytes(mongo);
	}

	@Override
	public boolean insertVersion(FlowVersion version) {
		try {
			this.mongo.insert(new FlowVersionDocument(FlowVersionDocument.idOf(version.flowId(), version.version()),
					version.flowId(), version.ownerId(), version.version(), version.name(), version.description(),
					this.json.write(version.definition()), version.definition().nodes().size(),
					version.definitionBytes(), version.createdAt()));
			this.storedBytes.add(version.ownerId(), version.definitionBytes());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public void recordLatest(FlowVersion version) {
		if (version.version() == 1) {
			this.mongo.insert(new FlowDocument(version.flowId(), version.ownerId(), version.name(), 1,
					version.createdAt(), version.createdAt()));
			return;
		}
		Query older = Query.query(where("_id").is(version.flowId()).and("latestVersion").lt(version.version()));
		this.mongo.updateFirst(older,
				new Update().set("latestVersion", version.version())
					.set("name", version.name())
					.set(FlowDocument.UPDATED_AT, version.createdAt()),
				FlowDocument.class);
	}

	@Override
	public Optional<Flow> findFlow(String ownerId, String flowId) {
		return Optional.ofNullable(this.mongo.findOne(owned(ownerId, "_id", flowId), FlowDocument.class))
			.map(FlowDocument::toFlow);
	}

	/**
	 * From the flow's record on, each version read by its id (the embedded MongoDB server
	 * answers the sorted query by reading every version stored); a record ahead of its
	 * versions, or none, falls back to the sorted query.
	 */
	@Override
	public Optional<FlowVersion> findLatestVersion(String ownerId, String flowId) {
		Optional<Integer> recorded = findFlow(ownerId, flowId).map(Flow::latestVersion)
			.filter((version) -> versionExists(ownerId, flowId, version));
		if (recorded.isPresent()) {
			int latest = recorded.get();
			while (versionExists(ownerId, flowId, latest + 1)) {
				latest++;
			}
			return findVersion(ownerId, flowId, latest);
		}
		Query query = owned(ownerId, "flowId", flowId).with(Sort.by(Sort.Direction.DESC, "version")).limit(1);
		return Optional.ofNullable(this.mongo.findOne(query, FlowVersionDocument.class)).map(this::toVersion);
	}

	private boolean versionExists(String ownerId, String flowId, int version) {
		return this.mongo.exists(owned(ownerId, "_id", FlowVersionDocument.idOf(flowId, version)),
				FlowVersionDocument.class);
	}

	@Override
	public Optional<FlowVersion> findVersion(String ownerId, String flowId, int version) {
		Query query = owned(ownerId, "_id", FlowVersionDocument.idOf(flowId, version));
		return Optional.ofNullable(this.mongo.findOne(query, FlowVersionDocument.class)).map(this::toVersion);
	}

	/**
	 * Each version read by its id (with the embedded MongoDB server, the one query an
	 * index answers), without its definition.
	 */
	@Override
	public long definitionBytes(String ownerId, Collection<PinnedVersion> versions) {
		long bytes = 0;
		for (PinnedVersion pinned : versions) {
			Query query = owned(ownerId, "_id", FlowVersionDocument.idOf(pinned.flowId(), pinned.version()));
			query.fields().include(FlowVersionDocument.DEFINITION_BYTES);
			Document version = this.mongo.findOne(query, Document.class, FlowVersionDocument.COLLECTION);
			bytes += (version != null) ? definitionBytes(version) : 0;
		}
		return bytes;
	}

	/** A running total, summed over the versions once, the first time it is asked for. */
	@Override
	public long storedBytes(String ownerId) {
		return this.storedBytes.of(ownerId, () -> {
			Query versions = Query.query(where(FlowVersionDocument.OWNER).is(ownerId));
			versions.fields().include(FlowVersionDocument.DEFINITION_BYTES);
			return this.mongo.find(versions, Document.class, FlowVersionDocument.COLLECTION)
				.stream()
				.mapToLong(this::definitionBytes)
				.sum();
		});
	}

	/**
	 * A version stored before its size was kept is read in full once, and the size kept;
	 * one deleted meanwhile counts nothing.
	 */
	private long definitionBytes(Document version) {
		Object stored = version.get(FlowVersionDocument.DEFINITION_BYTES);
		if (stored instanceof Number bytes) {
			return bytes.longValue();
		}
		Query one = Query.query(where("_id").is(version.get("_id")));
		FlowVersionDocument full = this.mongo.findOne(one, FlowVersionDocument.class);
		if (full == null) {
			return 0;
		}
		long bytes = toVersion(full).definitionBytes();
		this.mongo.updateFirst(one, new Update().set(FlowVersionDocument.DEFINITION_BYTES, bytes),
				FlowVersionDocument.class);
		return bytes;
	}

	@Override
	public List<FlowVersionSummary> findVersionSummaries(String ownerId, String flowId, Integer below, int count) {
		Query query = owned(ownerId, "flowId", flowId).with(Sort.by(Sort.Direction.DESC, VERSION)).limit(count);
		if (below != null) {
			query.addCriteria(where(VERSION).lt(below));
		}
		query.fields().exclude(FlowVersionDocument.DEFINITION);
		return this.mongo.find(query, FlowVersionDocument.class)
			.stream()
			.flatMap((version) -> summary(ownerId, version).stream())
			.toList();
	}

	/**
	 * A version stored before its node count is read in full once, and the count kept;
	 * one deleted meanwhile is left out.
	 */
	private Optional<FlowVersionSummary> summary(String ownerId, FlowVersionDocument version) {
		if (version.nodeCount() != null) {
			return Optional.of(new FlowVersionSummary(version.version(), version.name(), version.description(),
					version.nodeCount(), version.createdAt()));
		}
		Optional<FlowVersionSummary> counted = findVersion(ownerId, version.flowId(), version.version())
			.map(FlowVersionSummary::of);
		counted.ifPresent((summary) -> this.mongo.updateFirst(Query.query(where("_id").is(version.id())),
				new Update().set("nodeCount", summary.nodeCount()), FlowVersionDocument.class));
		return counted;
	}

	@Override
	public List<Flow> findRecentlyChanged(String ownerId, TimeCursor after, int count) {
		Query query = NewestFirst.page(where("ownerId").is(ownerId), FlowDocument.UPDATED_AT, after, count);
		return this.mongo.find(query, FlowDocument.class).stream().map(FlowDocument::toFlow).toList();
	}

	@Override
	public void deleteFlow(String flowId) {
		this.mongo.remove(Query.query(where("_id").is(flowId)), FlowDocument.class);
	}

	@Override
	public void restoreFlow(Flow flow) {
		this.mongo.save(FlowDocument.of(flow));
	}

	@Override
	public void deleteVersions(String flowId) {
		uncounted(Query.query(where("flowId").is(flowId)));
	}

	@Override
	public void deleteVersion(String flowId, int version) {
		uncounted(Query.query(where("_id").is(FlowVersionDocument.idOf(flowId, version))));
	}

	/** Removes the versions and takes their sizes off their owner's total. */
	private void uncounted(Query query) {
		query.fields().include(FlowVersionDocument.OWNER).include(FlowVersionDocument.DEFINITION_BYTES);
		for (Document removed : this.mongo.findAllAndRemove(query, Document.class, FlowVersionDocument.COLLECTION)) {
			this.storedBytes.add(removed.getString(FlowVersionDocument.OWNER), -definitionBytes(removed));
		}
	}

	@Override
	public int deleteOwnedVersions(String ownerId, int limit) {
		int removed = OwnedDocuments.remove(this.mongo, FlowVersionDocument.COLLECTION,
				where(FlowVersionDocument.OWNER).is(ownerId), limit);
		if (removed == 0) {
			this.storedBytes.forget(ownerId);
		}
		return removed;
	}

	private static Query owned(String ownerId, String field, String value) {
		return Query.query(where(field).is(value).and("ownerId").is(ownerId));
	}

	private FlowVersion toVersion(FlowVersionDocument document) {
		return new FlowVersion(document.flowId(), document.ownerId(), document.version(), document.name(),
				document.description(), this.json.read(document.definitionJson(), FlowDefinition.class),
				document.createdAt());
	}

}
