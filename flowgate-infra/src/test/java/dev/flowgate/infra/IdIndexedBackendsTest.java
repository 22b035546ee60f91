package dev.flowgate.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that pin {@code _id} next to other fields go through the {@code _id} index and
 * still match the whole query, on both backends.
 */
class IdIndexedBackendsTest {

	@TempDir
	Path dataDir;

	@ParameterizedTest
	@ValueSource(strings = { "memory", "file" })
	void updatesOnlyWhenTheWholeFilterMatches(String backend) {
		try (EmbeddedMongo mongo = start(backend)) {
			withCollection(mongo, (executions) -> {
				executions.insertMany(List.of(new Document("_id", "a").append("revision", 0).append("owner", "o1"),
						new Document("_id", "b").append("revision", 0).append("owner", "o2")));

				long stale = executions
					.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 5)),
							Updates.inc("revision", 1))
					.getModifiedCount();
				long current = executions
					.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 0)),
							Updates.inc("revision", 1))
					.getModifiedCount();

				assertThat(stale).isZero();
				assertThat(current).isOne();
				assertThat(executions.find(Filters.eq("_id", "a")).first()).containsEntry("revision", 1);
				assertThat(executions.find(Filters.eq("_id", "b")).first()).containsEntry("revision", 0);
				return null;
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "file" })
	void readsAndDeletesByIdAndOwner(String backend) {
		try (EmbeddedMongo mongo = start(backend)) {
			withCollection(mongo, (executions) -> {
				executions.insertMany(List.of(new Document("_id", "a").append("owner", "o1"),
						new Document("_id", "b").append("owner", "o1")));

				assertThat(executions.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("owner", "o2"))).first())
					.isNull();
				assertThat(executions.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("owner", "o1"))).first())
					.containsEntry("_id", "a");
				assertThat(executions.find(Filters.and(Filters.in("_id", "a", "b"), Filters.eq("owner", "o1")))
					.into(new ArrayList<>())).hasSize(2);
				assertThat(executions.deleteOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("owner", "o1")))
					.getDeletedCount()).isOne();
				assertThat(executions.countDocuments()).isOne();
				return null;
			});
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void fileBackendReopensItsCollectionsIndexed(int restarts) {
		Path file = this.dataDir.resolve("mongo.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.file(file, 0)) {
			withCollection(mongo,
					(executions) -> executions.insertOne(new Document("_id", "kept").append("revision", 3)));
		}
		for (int i = 0; i < restarts; i++) {
			int revision = 3 + i;
			try (EmbeddedMongo restarted = EmbeddedMongo.file(file, 0)) {
				long updated = withCollection(restarted,
						(executions) -> executions
							.updateOne(Filters.and(Filters.eq("_id", "kept"), Filters.eq("revision", revision)),
									Updates.inc("revision", 1))
							.getModifiedCount());
				assertThat(updated).isOne();
			}
		}
	}

	private EmbeddedMongo start(String backend) {
		return backend.equals("memory") ? EmbeddedMongo.inMemory(0)
				: EmbeddedMongo.file(this.dataDir.resolve(backend + ".mv"), 0);
	}

	private static <T> T withCollection(EmbeddedMongo mongo, Function<MongoCollection<Document>, T> action) {
		try (MongoClient client = MongoClients.create(mongo.uri())) {
			return action.apply(client.getDatabase("infra-test").getCollection("executions"));
		}
	}

}
