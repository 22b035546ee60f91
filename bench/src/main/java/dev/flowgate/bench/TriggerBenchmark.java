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
 * a trivial flow and its async accept throughput. Prints each figure and the ratios the
 * targets are set in.
 */
public final class TriggerBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BODY = "{\"input_data\":{\"text\":\"benchmark\"}}";

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Size size;

	private final List<String> cpu = new ArrayList<>();

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
			ClosedLoop.Call echoCall = () -> expect(post(echo.url(), null), 200);
			ClosedLoop.Call syncCall = () -> expect(post(trigger(stack, sync), key), 200);
			ClosedLoop.Call asyncCall = () -> expect(post(trigger(stack, async), key), 202);

			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, echoCall);
			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, syncCall);
			ClosedLoop.run("warm-up", 8, this.size.warmup, LIMIT, asyncCall);
			// Long enough for the services' C2 compiler to finish with the hot code: the
			// figures are those of a stack that has been running for a while.
			ClosedLoop.run("warm-up", 1, this.size.warmup / 2, LIMIT, syncCall);

			Latencies echo1 = ClosedLoop.run("HTTP echo baseline, concurrency 1", 1, this.size.requests, LIMIT,
					echoCall);
			Latencies echo64 = ClosedLoop.run("HTTP echo baseline, concurrency 64", 64, this.size.requests * 4, LIMIT,
					echoCall);
			Latencies kafka = KafkaRoundTrip.measure(stack.kafkaBootstrapServers(), this.size.requests);
			Map<String, Long> pids = processes(stack);
			backlog.awaitDrained(CATCH_UP_TIMEOUT);
			Latencies sync1 = withCpu(pids, backlog, () -> ClosedLoop.run("Flowgate sync round trip, concurrency 1", 1,
					this.size.requests, LIMIT, syncCall));
			// Before the loads below: their backlog would be in these calls' way.
			String stretches = stretches(stack, sync, key);
			Latencies sync16 = withCpu(pids, backlog, () -> ClosedLoop.run("Flowgate sync round trip, concurrency 16",
					16, this.size.requests * 2, LIMIT, syncCall));
			Latencies async64 = withCpu(pids, backlog, () -> ClosedLoop.run("Flowgate async accept, concurrency 64", 64,
					this.size.requests * 4, LIMIT, asyncCall));

			print(List.of(echo1, echo64, kafka, sync1, sync16, async64));
			System.out.println();
			this.cpu.forEach(System.out::println);
			System.out.println(stretches);
			double budget = echo1.p50() + 2 * kafka.p50();
			System.out.printf("%nsync p50 / (echo p50 + 2 x Kafka p50)     = %.3f / %.3f = %.2f   (target <= 1.5)%n",
					sync1.p50(), budget, sync1.p50() / budget);
			System.out.printf("async throughput / echo throughput (c=64) = %.0f / %.0f = %.2f   (target >= 0.5)%n",
					async64.perSecond(), echo64.perSecond(), async64.perSecond() / echo64.perSecond());
		}
	}

	/**
	 * Runs a measurement, waits until every service has caught up with the work it
	 * caused, and notes the CPU time each process spent per request, that catching up
	 * included.
	 */
	private Latencies withCpu(Map<String, Long> pids, ConsumerBacklog backlog, Measurement measurement)
			throws Exception {
		CpuTimes before = CpuTimes.of(pids);
		Latencies result = measurement.run();
		ConsumerBacklog.Drain drain = backlog.awaitDrained(CATCH_UP_TIMEOUT);
		CpuTimes used = CpuTimes.of(pids).minus(before).per(result.nanos().length);
		this.cpu.add("CPU ms per request, %s: %s%n  consumers: %s".formatted(result.name(), used.millis(), drain));
		return result;
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

	private static void print(List<Latencies> results) {
		System.out.printf("%n%s, %d cores, Java %s%n", System.getProperty("os.name"),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		results.forEach((r) -> System.out.println(r.line()));
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

	private interface Measurement {

		Latencies run() throws Exception;

	}

	private enum Size {

		QUICK(2000, 500), FULL(8000, 2000);

		private final int warmup;

		private final int requests;

		Size(int warmup, int requests) {
			this.warmup = warmup;
			this.requests = requests;
		}

	}

}
