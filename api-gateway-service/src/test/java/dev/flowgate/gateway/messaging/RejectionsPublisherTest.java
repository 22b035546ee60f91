package dev.flowgate.gateway.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.usage.RejectionTally;
import dev.flowgate.gateway.domain.usage.RejectionTally.Summary;
import dev.flowgate.infra.test.MutableClock;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RejectionsPublisherTest {

	/** The discard port: no broker answers there. */
	private static final String NO_BROKER = "127.0.0.1:9";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

	private final RejectionTally tally = new RejectionTally(this.clock);

	private final DefaultKafkaProducerFactory<String, FlowgateEvent> producers = new DefaultKafkaProducerFactory<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NO_BROKER, ProducerConfig.MAX_BLOCK_MS_CONFIG, 200,
					ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 100),
			new StringSerializer(), new JacksonJsonSerializer<>());

	@AfterEach
	void closeProducers() {
		this.producers.destroy();
	}

	@Test
	void keepsTheCountsKafkaDidNotTakeForTheNextRoundFromWhenTheyWereCounted() {
		this.tally.count("o-1", "d-1", "unavailable");
		this.tally.count("o-1", "d-1", "unavailable");
		this.clock.advance(Duration.ofSeconds(10));
		RejectionsPublisher publisher = new RejectionsPublisher(this.tally, new KafkaTemplate<>(this.producers),
				this.clock, new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("flowgate.gateway",
						GatewayProperties.class));

		publisher.publish();

		List<Summary> kept = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			kept.addAll(this.tally.drain());
			assertThat(kept).isNotEmpty();
		});
		assertThat(kept).singleElement().satisfies((summary) -> {
			assertThat(summary.deploymentId()).isEqualTo("d-1");
			assertThat(summary.counts()).isEqualTo(Map.of("unavailable", 2L));
			assertThat(summary.from()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
		});
	}

}
