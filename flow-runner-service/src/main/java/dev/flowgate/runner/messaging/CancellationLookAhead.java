package dev.flowgate.runner.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.flowgate.contracts.ExecutionCancellationRequested;

/**
 * Notes each cancellation of a poll in {@link CancellationsAhead} before the listener
 * dispatches the poll's triggers, which come before it in their partition. Kafka creates
 * it ({@code interceptor.classes}); the shared instance comes in the consumer's
 * configuration under {@link #AHEAD}.
 */
public class CancellationLookAhead implements ConsumerInterceptor<Object, Object> {

	static final String AHEAD = "flowgate.runner.cancellations-ahead";

	private CancellationsAhead ahead;

	@Override
	public void configure(Map<String, ?> configs) {
		this.ahead = (CancellationsAhead) configs.get(AHEAD);
	}

	@Override
	public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
		for (ConsumerRecord<Object, Object> record : records) {
			if (record.value() instanceof ExecutionCancellationRequested cancellation) {
				this.ahead.seen(cancellation);
			}
		}
		return records;
	}

	@Override
	public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
	}

	@Override
	public void close() {
	}

}
