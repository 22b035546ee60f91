package dev.flowgate.delivery.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.infra.ReceivedMail;
import dev.flowgate.infra.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Results by email, received by the real (GreenMail) SMTP server. */
@DeliveryIntegrationTest
class EmailDeliveryTest {

	@Autowired
	private Deliveries deliveries;

	@Test
	void mailsTheResultWithItsOutputsAsTextAndEscapedHtml() {
		String owner = "owner-" + UUID.randomUUID();
		String to = "ops-" + UUID.randomUUID() + "@example.com";
		ExecutionCompleted result = Results.succeeded(owner, "dep-mail", null, to,
				Map.of("answer", "<b>42</b> & more", "items", List.of(1, 2)));

		this.deliveries.publish(result);

		ReceivedMail mail = awaitMailTo(to);
		assertThat(mail.subject()).isEqualTo("[Flowgate] " + Results.NAME + ": execution succeeded");
		assertThat(mail.text()).contains(result.executionId(), "Status:   succeeded", "answer:",
				"\"<b>42</b> & more\"");
		assertThat(mail.html()).contains("&quot;&lt;b&gt;42&lt;/b&gt; &amp; more&quot;").doesNotContain("<b>42</b>");
		JsonNode delivery = this.deliveries.awaitStatus(owner, result.executionId(), "email", "succeeded");
		assertThat(delivery.get("destination").asString()).isEqualTo(to);
		assertThat(delivery.get("attempts").get(0).get("error").isNull()).isTrue();
	}

	@Test
	void mailsAFailureWithItsError() {
		String owner = "owner-" + UUID.randomUUID();
		String to = "ops-" + UUID.randomUUID() + "@example.com";
		ExecutionCompleted result = Results.failed(owner, "dep-mail", null, to,
				new ExecutionError("http-1", "node_failed", "upstream <503>"));

		this.deliveries.publish(result);

		ReceivedMail mail = awaitMailTo(to);
		assertThat(mail.subject()).isEqualTo("[Flowgate] " + Results.NAME + ": execution failed");
		assertThat(mail.text()).contains("[node_failed] upstream <503> (node http-1)");
		assertThat(mail.html()).contains("[node_failed] upstream &lt;503&gt; (node http-1)");
	}

	@Test
	void sendsBothChannelsWhenTheResultNamesBoth() {
		String owner = "owner-" + UUID.randomUUID();
		String to = "ops-" + UUID.randomUUID() + "@example.com";
		try (Receiver receiver = Receiver.start()) {
			ExecutionCompleted result = Results.succeeded(owner, "dep-both", receiver.url("/hook"), to,
					Map.of("answer", "42"));

			this.deliveries.publish(result);

			this.deliveries.awaitStatus(owner, result.executionId(), "callback", "succeeded");
			this.deliveries.awaitStatus(owner, result.executionId(), "email", "succeeded");
			assertThat(this.deliveries.of(owner, result.executionId())).hasSize(2);
			assertThat(receiver.requestsFor(result.executionId())).hasSize(1);
			awaitMailTo(to);
		}
	}

	@Test
	void anInvalidAddressFailsWithoutRetrying() {
		String owner = "owner-" + UUID.randomUUID();
		ExecutionCompleted result = Results.succeeded(owner, "dep-mail", null, "not an address@@", Map.of());

		this.deliveries.publish(result);

		JsonNode delivery = this.deliveries.awaitStatus(owner, result.executionId(), "email", "failed");
		assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
		assertThat(delivery.get("lastError").asString()).startsWith("SMTP: Invalid email address");
	}

	private static ReceivedMail awaitMailTo(String to) {
		return await().atMost(Deliveries.WAIT)
			.until(() -> TestInfrastructure.get()
				.receivedMail()
				.stream()
				.filter((mail) -> mail.to().contains(to))
				.findFirst()
				.orElse(null), (mail) -> mail != null);
	}

}
