package dev.flowgate.infra;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

	@TempDir
	Path dataDir;

	@Test
	void fileBackendKeepsDocumentsAcrossARestart() {
		Path file = this.dataDir.resolve("mongo.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.file(file, 0)) {
			collection(mongo, (things) -> things.insertOne(new Document("_id", "kept").append("n", 42)));
		}

		try (EmbeddedMongo restarted = EmbeddedMongo.file(file, 0)) {
			collection(restarted,
					(things) -> assertThat(things.find(new Document("_id", "kept")).first()).containsEntry("n", 42));
		}
	}

	@Test
	void inMemoryBackendStartsEmpty() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0)) {
			collection(mongo, (things) -> things.insertOne(new Document("_id", "gone")));
		}

		try (EmbeddedMongo fresh = EmbeddedMongo.inMemory(0)) {
			assertThat(fresh.uri()).isEqualTo("mongodb://127.0.0.1:" + fresh.port());
			collection(fresh, (things) -> assertThat(things.countDocuments()).isZero());
		}
	}

	private static void collection(EmbeddedMongo mongo, java.util.function.Consumer<MongoCollection<Document>> action) {
		try (MongoClient client = MongoClients.create(mongo.uri())) {
			action.accept(client.getDatabase("infra-test").getCollection("things"));
		}
	}

}
