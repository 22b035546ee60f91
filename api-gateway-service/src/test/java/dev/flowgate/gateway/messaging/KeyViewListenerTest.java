package dev.flowgate.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.view.Readiness;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.infra.test.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyViewListenerTest {

	private final KeyView view = new KeyView(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")));

	private final KeyViewListener listener = new KeyViewListener(this.view, new Readiness());

	private final String key = TestKeys.newKey();

	private final KeyStates state = KeyStates.active("owner-1", this.key);

	private long offset;

	@Test
	void ignoresAStaleStateThatLandsAfterATombstoneCarryingAHigherVersion() {
		receive(versioned(1));
		receive(tombstone("3"));

		receive(versioned(2));

		assertThatThrownBy(() -> this.view.authenticate(this.key)).isInstanceOf(Rejection.class);
		assertThat(this.view.size()).isZero();
	}

	@Test
	void deletesOnATombstoneWithoutAVersionAsBefore() {
		receive(versioned(1));

		receive(tombstone(null));

		assertThat(this.view.size()).isZero();
		receive(versioned(2));
		assertThat(this.view.authenticate(this.key).keyId()).isEqualTo(this.state.keyId());
	}

	private void receive(ConsumerRecord<String, FlowgateEvent> record) {
		this.listener.onKeyState(record);
	}

	private ConsumerRecord<String, FlowgateEvent> versioned(long version) {
		KeyStateChanged built = this.state.build();
		KeyStateChanged state = new KeyStateChanged(built.eventId(), built.schemaVersion(), built.occurredAt(),
				built.keyId(), built.ownerId(), built.name(), built.hint(), built.secretHash(),
				built.previousSecretHash(), built.previousSecretValidUntil(), built.scopes(), built.deploymentIds(),
				built.expiresAt(), built.rateLimitPerMinute(), built.status(), version);
		return record(state, new RecordHeaders());
	}

	private ConsumerRecord<String, FlowgateEvent> tombstone(String version) {
		RecordHeaders headers = new RecordHeaders();
		if (version != null) {
			headers.add(KeyStateChanged.VERSION_HEADER, version.getBytes(StandardCharsets.US_ASCII));
		}
		return record(null, headers);
	}

	private ConsumerRecord<String, FlowgateEvent> record(FlowgateEvent value, RecordHeaders headers) {
		return new ConsumerRecord<>("flowgate.keys", 0, this.offset++, 0L, TimestampType.CREATE_TIME, 0, 0,
				this.state.keyId(), value, headers, Optional.empty());
	}

}
