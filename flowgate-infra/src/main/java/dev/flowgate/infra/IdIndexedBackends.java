package dev.flowgate.infra;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server backends whose collections use the {@code _id} index whenever a query
 * pins {@code _id} to one value. The library uses an index only for a query on exactly
 * the index's fields, so {@code {_id, revision}} (every optimistic update here) or
 * {@code {_id, ownerId}} (every owner-scoped read) scanned the whole collection, and each
 * write got slower with every execution stored. The index only narrows the candidates;
 * the whole query is still matched against them.
 */
final class IdIndexedBackends {

	private static final String ID = "_id";

	private static final String AND = "$and";

	// H2Database's map name prefixes (not public there); existing files depend on them.
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private IdIndexedBackends() {
	}

	static MongoBackend memory() {
		return new MemoryBackend() {
			@Override
			public MemoryDatabase openOrCreateDatabase(String databaseName) {
				return new MemoryDatabase(databaseName, getCursorRegistry()) {
					@Override
					protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
						return new IndexedMemoryCollection(this, name, options, this.cursorRegistry);
					}
				};
			}
		};
	}

	static MongoBackend file(String fileName) {
		return new H2Backend(fileName) {
			@Override
			protected H2Database openOrCreateDatabase(String databaseName) {
				// Read here: the database opens its collections in its constructor.
				MVStore store = getMvStore();
				return new H2Database(databaseName, store, getCursorRegistry()) {
					@Override
					protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
						String namespace = getFullCollectionNamespace(name);
						return new IndexedH2Collection(this, name, options, store.openMap(DATA_PREFIX + namespace),
								store.openMap(META_PREFIX + namespace), this.cursorRegistry);
					}
				};
			}
		};
	}

	/** The positions of the one document a query can match by its {@code _id}, if any. */
	static <P> Optional<Iterable<P>> byId(Document query, List<Index<P>> indexes) {
		return pinnedId(query).map((id) -> new Document(ID, id))
			.flatMap((byId) -> indexes.stream()
				.filter((index) -> index.canHandle(byId))
				.findFirst()
				.map((index) -> index.getPositions(byId)));
	}

	/**
	 * {@code {_id: v, ...}}, or {@code {$and: [{_id: v}, ...]}} as the Java driver writes
	 * it.
	 */
	private static Optional<Object> pinnedId(Document query) {
		Object id = query.get(ID);
		if (id != null && !(id instanceof Document)) {
			return Optional.of(id);
		}
		if (query.size() == 1 && query.get(AND) instanceof List<?> terms) {
			for (Object term : terms) {
				Optional<Object> pinned = (term instanceof Document document) ? pinnedId(document) : Optional.empty();
				if (pinned.isPresent()) {
					return pinned;
				}
			}
		}
		return Optional.empty();
	}

	private static final class IndexedMemoryCollection extends MemoryCollection {

		IndexedMemoryCollection(MemoryDatabase database, String name, CollectionOptions options,
				CursorRegistry cursors) {
			super(database, name, options, cursors);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Optional<Iterable<Integer>> positions = byId(query, getIndexes());
			return positions.isPresent()
					? matchDocuments(query, positions.get(), orderBy, skip, limit, batchSize, fields)
					: super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

	}

	private static final class IndexedH2Collection extends H2Collection {

		IndexedH2Collection(H2Database database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Optional<Iterable<Object>> positions = byId(query, getIndexes());
			return positions.isPresent()
					? matchDocuments(query, positions.get(), orderBy, skip, limit, batchSize, fields)
					: super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

	}

}
