package dev.flowgate.gateway.domain.trigger;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The sync calls parked on this replica until their result arrives. A replica that stops
 * answers those still waiting as if their sync timeout had passed: the execution goes on
 * and the caller polls for it, where the call would otherwise be cut when the process
 * exits, leaving the caller without the execution's id.
 */
public final class WaitingCalls {

	private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();

	private volatile boolean released;

	/**
	 * @param answer completes with the call's answer; it is failed with a
	 * {@link TimeoutException} to answer the call as unfinished
	 */
	void add(CompletableFuture<?> answer) {
		this.waiting.add(answer);
		answer.whenComplete((result, failure) -> this.waiting.remove(answer));
		if (this.released) {
			answerUnfinished(answer);
		}
	}

	/**
	 * Answers every call still waiting, and any that parks from now on, as unfinished.
	 */
	public void release() {
		this.released = true;
		this.waiting.forEach(WaitingCalls::answerUnfinished);
	}

	public int count() {
		return this.waiting.size();
	}

	private static void answerUnfinished(CompletableFuture<?> answer) {
		answer.completeExceptionally(new TimeoutException("The gateway is stopping"));
	}

}
