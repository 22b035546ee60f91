package dev.flowgate.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedMailTest {

	private final EmbeddedMail mail = EmbeddedMail.start(0, 0);

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.mail.stop();
	}

	@Test
	void receivesAMultipartMailOnceAndListsItAsJson() throws Exception {
		send("Delivery \"failed\"", "plain text\nline 2", "<p>html</p>", "a@example.test", "b@example.test");

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.mail.received().isEmpty());
		assertThat(this.mail.received()).singleElement().satisfies((received) -> {
			assertThat(received.from()).isEqualTo("flowgate@example.test");
			assertThat(received.to()).containsExactly("a@example.test", "b@example.test");
			assertThat(received.subject()).isEqualTo("Delivery \"failed\"");
			assertThat(received.text()).isEqualTo("plain text\r\nline 2");
			assertThat(received.html()).isEqualTo("<p>html</p>");
		});

		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.mail.messagesUri()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode messages = JsonMapper.builder().build().readTree(response.body());
		assertThat(messages.size()).isEqualTo(1);
		JsonNode message = messages.get(0);
		assertThat(message.get("subject").asString()).isEqualTo("Delivery \"failed\"");
		assertThat(message.get("to").get(1).asString()).isEqualTo("b@example.test");
		assertThat(message.get("html").asString()).isEqualTo("<p>html</p>");
		assertThat(message.get("receivedAt").asString()).isNotBlank();
	}

	@Test
	void clearForgetsReceivedMail() throws Exception {
		send("first", "text", null, "a@example.test");
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.mail.received().isEmpty());

		this.mail.clear();

		assertThat(this.mail.received()).isEmpty();
		assertThat(this.http
			.send(HttpRequest.newBuilder(this.mail.messagesUri()).build(), HttpResponse.BodyHandlers.ofString())
			.body()).isEqualTo("[]");
	}

	@Test
	void rejectsOtherMethodsThanGet() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create(this.mail.messagesUri().toString()))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();

		assertThat(this.http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
	}

	private void send(String subject, String text, String html, String... to) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.mail.smtpHost());
		properties.put("mail.smtp.port", Integer.toString(this.mail.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("flowgate@example.test"));
		for (String recipient : to) {
			message.addRecipient(RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(subject);
		if (html == null) {
			message.setText(text);
		}
		else {
			MimeMultipart alternative = new MimeMultipart("alternative");
			MimeBodyPart plain = new MimeBodyPart();
			plain.setText(text, "UTF-8");
			MimeBodyPart rich = new MimeBodyPart();
			rich.setContent(html, "text/html; charset=UTF-8");
			alternative.addBodyPart(plain);
			alternative.addBodyPart(rich);
			message.setContent(alternative);
		}
		Transport.send(message);
	}

}
