package dev.flowgate.delivery.domain.delivery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;

/**
 * A channel whose attempts end as the test says; its destination key is the callback URL
 * itself.
 */
class ScriptedChannel implements Channel {

	final List<Delivery> sent = new CopyOnWriteArrayList<>();

	private final DeliveryChannel id;

	private volatile Function<Delivery, CompletableFuture<AttemptOutcome>> script;

	ScriptedChannel(DeliveryChannel id, Function<Delivery, CompletableFuture<AttemptOutcome>> script) {
		this.id = id;
		this.script = script;
	}

	void answer(Function<Delivery, CompletableFuture<AttemptOutcome>> script) {
		this.script = script;
	}

	@Override
	public DeliveryChannel id() {
		return this.id;
	}

	@Override
	public Optional<Prepared> prepare(ExecutionCompleted result) {
		String destination = (this.id == DeliveryChannel.CALLBACK) ? result.delivery().callbackUrl()
				: result.delivery().email();
		if (destination == null) {
			return Optional.empty();
		}
		return Optional.of(Prepared.ready(destination, destination,
				Message.callback("{\"id\":\"" + result.executionId() + "\"}")));
	}

	@Override
	public CompletableFuture<AttemptOutcome> send(Delivery delivery) {
		this.sent.add(delivery);
		return this.script.apply(delivery);
	}

}
