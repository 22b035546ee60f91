package dev.flowgate.delivery.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.smtp.auth.UsernameAuthentication;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.DeliveryServiceApplication;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.delivery.domain.delivery.DeliveryService;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryView;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A relay that wants a login: the FLOWGATE_SMTP_ settings (as the deployment files set
 * them) reach the mail sender.
 */
@FlowgateInfra
class SmtpLoginTest {

	private static final String LOGIN = "flowgate";

	private static final String PASSWORD = "relay-password";

	private final GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("flowgate@example.com", LOGIN, PASSWORD));

	/** Who logged in to send each mail the relay took; empty for none. */
	private final List<String> logins = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startRelay() {
		this.relay.start();
		MessageDeliveryHandler delivers = this.relay.getUserManager().getMessageDeliveryHandler();
		this.relay.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			this.logins.add((message.getAuthenticationState() instanceof UsernameAuthentication login)
					? login.getUsername() : "");
			return delivers.handle(message, recipient);
		});
	}

	@AfterEach
	void stopRelay() {
		this.relay.stop();
	}

	@Test
	void sendsMailWithTheConfiguredLogin() {
		try (ConfigurableApplicationContext service = start("--FLOWGATE_SMTP_USERNAME=" + LOGIN,
				"--FLOWGATE_SMTP_PASSWORD=" + PASSWORD)) {
			DeliveryView sent = deliver(service, (view) -> view.delivery().status() == DeliveryStatus.SUCCEEDED);

			assertThat(sent.attempts()).hasSize(1);
			assertThat(this.logins).containsExactly(LOGIN);
			assertThat(this.relay.getReceivedMessages()).hasSize(1);
		}
	}

	/** STARTTLS or nothing: the login and the mail never go out in the clear. */
	@Test
	void withStartTlsARelayThatDoesNotOfferItGetsNothing() {
		try (ConfigurableApplicationContext service = start("--FLOWGATE_SMTP_USERNAME=" + LOGIN,
				"--FLOWGATE_SMTP_PASSWORD=" + PASSWORD, "--FLOWGATE_SMTP_STARTTLS=true")) {
			DeliveryView pending = deliver(service, (view) -> view.delivery().attempts() >= 1);

			assertThat(pending.attempts()).extracting(Attempt::error)
				.allSatisfy((error) -> assertThat(error).contains("STARTTLS"));
			assertThat(this.logins).isEmpty();
			assertThat(this.relay.getReceivedMessages()).isEmpty();
		}
	}

	private DeliveryView deliver(ConfigurableApplicationContext service, Predicate<DeliveryView> until) {
		String owner = "owner-" + UUID.randomUUID();
		ExecutionCompleted result = Results.succeeded(owner, "dep-smtp-login", null, "ops@example.com",
				Map.of("answer", 42));
		service.getBean(DeliveryIntake.class).accept(result);
		DeliveryService deliveries = service.getBean(DeliveryService.class);
		return await().atMost(Deliveries.WAIT)
			.until(() -> deliveries.forExecution(owner, result.executionId()).get(0), until::test);
	}

	/**
	 * The service with this relay: its port given as the test infrastructure's is (a
	 * Spring property), the rest as the environment variables deployments set.
	 */
	private ConfigurableApplicationContext start(String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.listener.auto-startup=false",
				"--spring.mongodb.database=flowgate_delivery_smtp_login",
				"--spring.mail.port=" + this.relay.getSmtp().getPort()));
		args.addAll(List.of(settings));
		return new SpringApplicationBuilder(DeliveryServiceApplication.class).profiles("test")
			.run(args.toArray(String[]::new));
	}

}
