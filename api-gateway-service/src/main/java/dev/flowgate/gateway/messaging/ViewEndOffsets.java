package dev.flowgate.gateway.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.view.Readiness;
import dev.flowgate.gateway.domain.view.ViewProgress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads the end offsets of the view topics (and the limit counts) once at start, retrying
 * in the background until Kafka answers; the views are caught up when their consumers
 * reach them. Asked of the admin client: a consumer asked for partitions it is not
 * assigned logs a warning per partition.
 */
@Component
class ViewEndOffsets implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ViewEndOffsets.class);

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private final KafkaAdmin kafkaAdmin;

	private final Readiness readiness;

	private volatile Thread fetcher;

	ViewEndOffsets(KafkaAdmin kafkaAdmin, Readiness readiness) {
		this.kafkaAdmin = kafkaAdmin;
		this.readiness = readiness;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::fetchUntilKnown, "view-end-offsets");
		thread.setDaemon(true);
		this.fetcher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.fetcher;
		this.fetcher = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.fetcher != null;
	}

	private void fetchUntilKnown() {
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			while (this.fetcher != null) {
				try {
					expect(admin, Topics.KEYS, this.readiness.keys());
					expect(admin, Topics.DEPLOYMENTS, this.readiness.deployments());
					expect(admin, Topics.LIMITS, this.readiness.limitCounts());
					return;
				}
				catch (ExecutionException | TimeoutException | KafkaException ex) {
					log.info("End offsets of the view topics not available yet: {}", ex.getMessage());
					Thread.sleep(RETRY_INTERVAL.toMillis());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void expect(Admin admin, TopicSpec topic, ViewProgress progress)
			throws ExecutionException, TimeoutException, InterruptedException {
		Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, topic.partitions())
			.mapToObj((partition) -> new TopicPartition(topic.name(), partition))
			.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest)
			.all()
			.get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		progress.expect(ends.entrySet()
			.stream()
			.collect(Collectors.toMap((end) -> end.getKey().partition(), (end) -> end.getValue().offset())));
	}

}
