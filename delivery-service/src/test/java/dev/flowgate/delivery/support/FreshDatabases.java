package dev.flowgate.delivery.support;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.flowgate.infra.test.TestInfrastructure;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database of its own for each test, on the test infrastructure's MongoDB, through one
 * client for the whole run.
 */
public final class FreshDatabases {

	private static MongoClient client;

	private FreshDatabases() {
	}

	public static synchronized MongoTemplate create(String prefix) {
		if (client == null) {
			client = MongoClients.create(TestInfrastructure.get().mongoUri());
		}
		return new MongoTemplate(client, prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
	}

}
