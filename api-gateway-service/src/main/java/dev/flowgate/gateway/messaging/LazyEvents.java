package dev.flowgate.gateway.messaging;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import dev.flowgate.contracts.FlowgateEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events every replica reads but decodes only when it needs one, as the record key tells
 * (an execution id a call here waits for; another replica's id). One that cannot be
 * decoded is not dead-lettered here (each replica would do it again) but logged.
 */
final class LazyEvents {

	private static final Logger log = LoggerFactory.getLogger(LazyEvents.class);

	private LazyEvents() {
	}

	static <T extends FlowgateEvent> void each(List<ConsumerRecord<String, byte[]>> records, JsonMapper mapper,
			Class<T> type, BiConsumer<String, Supplier<T>> handler) {
		eachRecord(records, mapper, type, (record, event) -> handler.accept(record.key(), event));
	}

	/** As {@link #each}, for a handler that needs more of the record than its key. */
	static <T extends FlowgateEvent> void eachRecord(List<ConsumerRecord<String, byte[]>> records, JsonMapper mapper,
			Class<T> type, BiConsumer<ConsumerRecord<String, byte[]>, Supplier<T>> handler) {
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				handler.accept(record, () -> type.cast(mapper.readValue(record.value(), FlowgateEvent.class)));
			}
			catch (JacksonException | ClassCastException | IllegalArgumentException ex) {
				log.warn("{} with key {} (offset {}) cannot be read: {}", type.getSimpleName(), record.key(),
						record.offset(), ex.getMessage());
			}
		}
	}

}
