package dev.flowgate.system.journey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * What the services' databases hold that mentions any of some ids (an owner's, its flows'
 * and deployments'), as an operator asked to erase an owner would look for it.
 */
final class StoredData {

	private static final List<String> DATABASES = List.of("flowgate_keys", "flowgate_deployments", "flowgate_delivery");

	private StoredData() {
	}

	/** Each document found, as {@code database.collection _id}. */
	static List<String> mentioning(String mongoUri, Collection<String> ids) {
		List<String> found = new ArrayList<>();
		try (MongoClient mongo = MongoClients.create(mongoUri)) {
			for (String name : DATABASES) {
				MongoDatabase database = mongo.getDatabase(name);
				for (String collection : database.listCollectionNames()) {
					for (Document document : database.getCollection(collection).find()) {
						String json = document.toJson();
						if (ids.stream().anyMatch(json::contains) && !keptByDesign(collection, document)) {
							found.add(name + "." + collection + " " + document.get("_id"));
						}
					}
				}
			}
		}
		return found;
	}

	/**
	 * A deleted key stays a day, deleted, so that its tombstone can be sent again; a
	 * deleted owner stays as its id, so that it gets no new key, nor a record or a
	 * delivery of an execution that finishes after the erasure.
	 */
	private static boolean keptByDesign(String collection, Document document) {
		return switch (collection) {
			case "keys" -> Boolean.TRUE.equals(document.get("deleted"));
			case "owners" -> document.get("deletedAt") != null && !document.containsKey("name");
			case "erased_owners" -> document.keySet().size() == 2;
			default -> false;
		};
	}

}
