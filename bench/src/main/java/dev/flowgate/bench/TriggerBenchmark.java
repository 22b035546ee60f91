package dev.flowgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.local.LocalStack;
import dev.flowgate.infra.local.Service;
import dev.flowgate.infra.local.StackOptions;
import dev.flowgate.infra.local.StackPorts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trigger path against its baselines, all measured in this run on this machine: a
 * bare HTTP echo, Kafka end to end on the same broker, then Flowgate's sync round trip of
 * a trivial flow and its async accept throughput. Runs several rounds of baselines and
 * Flowgate figures side by side, and prints the median round's figures and the ratios the
 * targets are set in: between rounds minutes apart the baselines alone move by half.
 */
public final class TriggerBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BODY = "{\"input_data\":{\"text\":\"benchmark\"}}";

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Size size;

	private TriggerBenchmark(Size size) {
		this.size = size;
	}

	public static void main(String[] args) throws Exception {
		Size size = (args.length > 0 && args[0].equals("--quick")) ? Size.QUICK : Size.FULL;
		new TriggerBenchmark(size).run();
	}

	private void run() throws Exception {
		System.out.println("Starting Flowgate (embedded) ...");
		StackOptions options = StackOptions.forBenchmark(Path.of(".").toAbsolutePath().normalize(),
				Files.createTempDirectory("flowgate-bench-"), StackPorts.free());
		try (LocalStack stack = LocalStack.start(options);
				EchoServer echo = new EchoServer();
				ConsumerBacklog backlog = new ConsumerBacklog(stack.kafkaBootstrapServers())) {
			String key = stack.apiKey();
			String sync = deploy(stack.gatewayUrl(), key, "sync");
			String async = deploy(stack.gatewayUrl(), key, "async");
			Calls calls = new Calls(() -> expect(post(echo.url(), null), 200),
					() -> expect(post(trigger(stack, sync), key), 200),
					() -> expect(post(trigger(stack, async), key), 202),
					() -> expect(get(stack.gatewayUrl() + LIVENESS), 200));

			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, calls.echo());
			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, calls.sync());
			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, calls.async());
			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, calls.probe());
			// Long enough for the services' C2 compiler to finish with the hot code: the
			// figures are those of a stack that has been running for a while.
			ClosedLoop.run("warm-up", 1, this.size.warmup / 2, LIMIT, calls.sync());

			Map<String, Long> pids = processes(stack);
			backlog.awaitDrained(CATCH_UP_TIMEOUT);
			List<Round> rounds = new ArrayList<>();
			for (int number = 1; number <= this.size.rounds; number++) {
				Round round = round(number, calls, stack, pids, backlog);
				System.out.println(round.line());
				rounds.add(round);
			}
			// Sequential calls on a quiet stack: the last round waited for its backlog.
			String stretches = stretches(stack, sync, key);
			Round.Measured sync16 = withCpu(pids, backlog, () -> ClosedLoop
				.run("Flowgate sync round trip, concurrency 16", 16, this.size.requests * 2, LIMIT, calls.sync()));
			Round.report(rounds, sync16, stretches);
		}
	}

	/**
	 * The baselines, each right before the Flowgate figure it is set against. Starts on a
	 * stack that has caught up with the previous round.
	 */
	private Round round(int number, Calls calls, LocalStack stack, Map<String, Long> pids, ConsumerBacklog backlog)
			throws Exception {
		int requests = this.size.requests;
		Latencies echo1 = ClosedLoop.run("HTTP echo baseline, concurrency 1", 1, requests, LIMIT, calls.echo());
		Latencies kafka = KafkaRoundTrip.measure(stack.kafkaBootstrapServers(), requests);
		Round.Measured sync1 = withCpu(pids, backlog,
				() -> ClosedLoop.run("Flowgate sync round trip, concurrency 1", 1, requests, LIMIT, calls.sync()));
		Latencies echo64 = ClosedLoop.run("HTTP echo baseline, concurrency 64", 64, requests * 4, LIMIT, calls.echo());
		Latencies probe64 = ClosedLoop.run("Gateway liveness probe, concurrency 64", 64, requests * 4, LIMIT,
				calls.probe());
		Round.Measured async64 = withCpu(pids, backlog,
				() -> ClosedLoop.run("Flowgate async accept, concurrency 64", 64, requests * 4, LIMIT, calls.async()));
		return new Round(number, echo1, kafka, sync1, echo64, probe64, async64);
	}

	/**
	 * Runs a measurement, waits until every service has caught up with the work it
	 * caused, and notes the CPU time each process spent per request, that catching up
	 * included.
	 */
	private Round.Measured withCpu(Map<String, Long> pids, ConsumerBacklog backlog, Measurement measurement)
			throws Exception {
		CpuTimes before = CpuTimes.of(pids);
		Latencies result = measurement.run();
		ConsumerBacklog.Drain drain = backlog.awaitDrained(CATCH_UP_TIMEOUT);
		CpuTimes used = CpuTimes.of(pids).minus(before).per(result.nanos().length);
		return new Round.Measured(result,
				"CPU ms per request, %s: %s%n  consumers: %s".formatted(result.name(), used.millis(), drain));
	}

	/**
	 * Sequential sync calls after the measurements, split by their events' timestamps.
	 */
	private String stretches(LocalStack stack, String deploymentId, String key) throws Exception {
		SyncStretches stretches = new SyncStretches();
		for (int i = 0; i < this.size.requests / 4; i++) {
			long sentAt = System.currentTimeMillis();
			String answer = expect(post(trigger(stack, deploymentId), key), 200);
			stretches.add(new SyncStretches.Call(JSON.readTree(answer).get("id").asString(), sentAt,
					System.currentTimeMillis()));
		}
		return stretches.report(stack.kafkaBootstrapServers());
	}

	private static Map<String, Long> processes(LocalStack stack) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			pids.put(service.module().replace("-service", ""), stack.services().pid(service.module()));
		}
		pids.put("Kafka", stack.kafka().pid());
		return pids;
	}

	private String deploy(String gateway, String key, String mode) throws Exception {
		String flow = """
				{"name":"bench-echo","nodes":[
				 {"id":"text","type":"input","config":{"name":"text","inputType":"text","required":true}},
				 {"id":"out","type":"output","config":{"name":"echo","value":"{{input.text}}"}}],
				 "edges":[{"from":"text","to":"out"}]}""";
		String flowId = JSON.readTree(expect(post(gateway + "/v1/flows", key, flow), 201)).get("id").asString();
		String deployment = JSON.writeValueAsString(Map.of("flowId", flowId, "name", "bench-" + mode, "mode", mode,
				"environment", "production", "syncTimeoutSeconds", 30));
		String id = JSON.readTree(expect(post(gateway + "/v1/deployments", key, deployment), 201)).get("id").asString();
		// The gateway learns of the deployment from Kafka; wait until it answers.
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (post(gateway + "/v1/deployments/" + id + "/executions", key, BODY).statusCode() == 404
				&& System.nanoTime() < until) {
			Thread.sleep(100);
		}
		return id;
	}

	private static String trigger(LocalStack stack, String deploymentId) {
		return stack.gatewayUrl() + "/v1/deployments/" + deploymentId + "/executions";
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String key) throws Exception {
		return post(url, key, BODY);
	}

	private HttpResponse<String> post(String url, String key, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"Expected " + status + " but got " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * @param probe the gateway's liveness probe: Tomcat and Spring MVC in the gateway's
	 * process, without a key, Kafka or a flow
	 */
	private record Calls(ClosedLoop.Call echo, ClosedLoop.Call sync, ClosedLoop.Call async, ClosedLoop.Call probe) {

	}

	private interface Measurement {

		Latencies run() throws Exception;

	}

	private enum Size {

		QUICK(2000, 500, 3), FULL(8000, 2000, 5);

		private final int warmup;

		private final int requests;

		private final int rounds;

		Size(int warmup, int requests, int rounds) {
			this.warmup = warmup;
			this.requests = requests;
			this.rounds = rounds;
		}

	}

}
