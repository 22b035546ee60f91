package dev.flowgate.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumers (the runner's and those off the request path: key-,
 * deployment- and delivery-service) are behind: the records their groups have not
 * committed yet. After a load it shows the work still to do, and how long it took.
 */
final class ConsumerBacklog implements AutoCloseable {

	private static final List<String> GROUPS = List.of("flow-runner", "key-service-last-used", "deployment-service",
			"delivery-service");

	private static final Duration POLL = Duration.ofMillis(100);

	private static final ListConsumerGroupOffsetsSpec ALL_PARTITIONS = new ListConsumerGroupOffsetsSpec();

	private final Admin admin;

	ConsumerBacklog(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** Waits until every group has committed to the end, or the timeout passes. */
	Drain awaitDrained(Duration timeout) throws Exception {
		long start = System.nanoTime();
		long initial = records();
		long left = initial;
		while (left > 0 && System.nanoTime() - start < timeout.toNanos()) {
			Thread.sleep(POLL.toMillis());
			left = records();
		}
		return new Drain(initial, left, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Records not yet committed, summed over the groups and their partitions: two
	 * requests, since this runs while the services' CPU is being counted.
	 */
	long records() throws ExecutionException, InterruptedException {
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = this.admin
			.listConsumerGroupOffsets(
					GROUPS.stream().collect(Collectors.toMap(Function.identity(), (group) -> ALL_PARTITIONS)))
			.all()
			.get();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.values().forEach((offsets) -> offsets.keySet().forEach((p) -> latest.put(p, OffsetSpec.latest())));
		Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest).all().get();
		long behind = 0;
		for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
			for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
				behind += ends.get(entry.getKey()).offset() - entry.getValue().offset();
			}
		}
		return behind;
	}

	@Override
	public void close() {
		this.admin.close();
	}

	/**
	 * @param backlog records behind when it started waiting
	 * @param left records still behind at the end
	 * @param took how long it waited
	 */
	record Drain(long backlog, long left, Duration took) {

		@Override
		public String toString() {
			return (this.left == 0)
					? "%d records behind at the last answer, caught up %d ms later".formatted(this.backlog,
							this.took.toMillis())
					: "%d records behind at the last answer, still %d after %d ms".formatted(this.backlog, this.left,
							this.took.toMillis());
		}

	}

}
