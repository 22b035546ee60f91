package dev.flowgate.keys.web;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Secrets leave the service only in the HTTP answer: never in the logs, even with
 * response bodies logged at debug level (see application-test.yml).
 */
@KeyServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLoggingTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	@Test
	void neverLogsASecret(CapturedOutput output) {
		ApiClient api = new ApiClient(this.mvc, this.json);
		List<String> secrets = new ArrayList<>();
		Response owner = api.createOwner("loggy");
		String ownerId = owner.body().get("owner").get("id").asString();
		secrets.add(owner.body().get("key").get("secret").asString());
		Response created = api.post("/v1/keys", ownerId, "{\"name\": \"ci\"}");
		secrets.add(created.text("secret"));
		String keyId = created.text("id");
		Response rotated = api.post("/v1/keys/" + keyId + "/rotate", ownerId, "{\"gracePeriodSeconds\": 60}");
		secrets.add(rotated.text("secret"));
		secrets.add(api.send(post("/v1/owners/" + ownerId + "/keys"), ApiClient.asAdmin(), "{\"name\": \"ops\"}")
			.text("secret"));
		api.get("/v1/keys", ownerId);
		api.delete("/v1/keys/" + keyId, ownerId);
		try (TopicReader topic = TopicReader.keys()) {
			topic.awaitTombstone(keyId);
		}

		assertThat(output.getAll()).as("debug logging of the answers was captured").contains(rotated.text("hint"));
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

}
