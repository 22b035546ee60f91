package dev.flowgate.system.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * Native triggers at a steady pace, each with a unique {@code text} input, sent without
 * waiting for earlier answers (sync calls may be parked for many seconds), until told how
 * many to send in all. Every call has a bounded timeout, so a hanging server shows up as
 * a timed-out outcome instead of a stuck test.
 */
public final class TriggerLoad implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final long MICROS_PER_SECOND = 1_000_000;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

	private final List<CompletableFuture<TriggerOutcome>> calls = new CopyOnWriteArrayList<>();

	private final List<TriggerOutcome> answered = new CopyOnWriteArrayList<>();

	private final AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);

	private final String apiKey;

	private final IntFunction<TriggerTarget> targets;

	private final Duration requestTimeout;

	private TriggerLoad(String apiKey, IntFunction<TriggerTarget> targets, Duration requestTimeout) {
		this.apiKey = apiKey;
		this.targets = targets;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Starts sending {@code perSecond} triggers a second; trigger {@code i} goes to
	 * {@code targets.apply(i)} with the input {@code prefix-i}.
	 */
	public static TriggerLoad start(String apiKey, int perSecond, IntFunction<TriggerTarget> targets,
			Duration requestTimeout, String prefix) {
		TriggerLoad load = new TriggerLoad(apiKey, targets, requestTimeout);
		load.pacer.scheduleAtFixedRate(() -> load.sendNext(prefix), 0, MICROS_PER_SECOND / perSecond,
				TimeUnit.MICROSECONDS);
		return load;
	}

	/** How many triggers were sent so far. */
	public int sent() {
		return this.calls.size();
	}

	/** How many calls were accepted (200 or 202) so far. */
	public long accepted() {
		return this.answered.stream().filter(TriggerOutcome::accepted).count();
	}

	/** Outcomes of the calls answered (or failed) so far, in no particular order. */
	public List<TriggerOutcome> answered() {
		return List.copyOf(this.answered);
	}

	/**
	 * Sends {@code total} triggers in all (or stops now if more were sent), then waits
	 * for every call's outcome.
	 * @return the outcomes in the order sent
	 */
	public List<TriggerOutcome> finish(int total, Duration timeout) {
		this.limit.set(total);
		try {
			if (!this.pacer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Still sending after " + timeout + "; sent " + sent());
			}
			CompletableFuture.allOf(this.calls.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Calls still open after " + timeout, ex);
		}
		List<TriggerOutcome> outcomes = new ArrayList<>();
		this.calls.forEach((call) -> outcomes.add(call.join()));
		return outcomes;
	}

	@Override
	public void close() {
		this.pacer.shutdownNow();
	}

	private void sendNext(String prefix) {
		int index = this.calls.size();
		if (index >= this.limit.get()) {
			this.pacer.shutdown();
			return;
		}
		TriggerTarget target = this.targets.apply(index);
		String input = prefix + "-" + index;
		CompletableFuture<TriggerOutcome> call;
		try {
			call = send(target, input);
		}
		catch (RuntimeException ex) {
			// A call that could not even be sent is an outcome too; thrown, it would
			// silently stop the pacer and every call after it.
			Instant now = Instant.now();
			call = CompletableFuture.completedFuture(new TriggerOutcome(target, input, now, now, 0, null, null, ex));
		}
		call.thenAccept(this.answered::add);
		this.calls.add(call);
	}

	private CompletableFuture<TriggerOutcome> send(TriggerTarget target, String input) {
		String body = JSON.writeValueAsString(Map.of("input_data", Map.of("text", input)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(target.gatewayUrl() + target.path()))
			.timeout(this.requestTimeout)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		Instant sentAt = Instant.now();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> (failure == null)
					? new TriggerOutcome(target, input, sentAt, Instant.now(), response.statusCode(), response.body(),
							response.headers().firstValue("Retry-After").orElse(null), null)
					: new TriggerOutcome(target, input, sentAt, Instant.now(), 0, null, null, unwrap(failure)));
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null)
				? failure.getCause() : failure;
	}

}
